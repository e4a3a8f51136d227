-- JotMatcher schema, version 1: staged inputs, the runs ledger and the month results (SPEC §5).
-- The schema `jot` holds personal data (staged NINos, names, dates of birth): nobody but its owner reads it.
-- Analysts read the `reporting` schema (002) through the role jot_reporting.

CREATE SCHEMA IF NOT EXISTS jot;
REVOKE ALL ON SCHEMA jot FROM PUBLIC;

-- Runs ledger: one row per `jot run` / `jot replay`. Times live here only; they never reach an export file.
CREATE TABLE jot.run (
    run_id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind              text        NOT NULL CHECK (kind IN ('nightly', 'month', 'replay')),
    status            text        NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'abandoned')),
    months            text[]      NOT NULL DEFAULT '{}',
    program_version   text        NOT NULL,
    rule_set_versions text[]      NOT NULL DEFAULT '{}',
    as_of             date,
    attempts          integer     NOT NULL DEFAULT 1,
    counts            jsonb,
    message           text,
    started_at        timestamptz NOT NULL,
    ended_at          timestamptz
);

-- Every input file version ever staged. A file is identified by kind and name; a changed file with the same
-- name is a new version that supersedes the previous one (whose rows then no longer take part in matching).
CREATE TABLE jot.input_file (
    file_id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind           text    NOT NULL CHECK (kind IN ('claims', 'hmrc')),
    name           text    NOT NULL,
    version        integer NOT NULL,
    sha256         text    NOT NULL,
    rows_read      bigint  NOT NULL,
    accepted       bigint  NOT NULL,
    rejected       bigint  NOT NULL,
    warnings       bigint  NOT NULL,
    staged_by_run  bigint  NOT NULL REFERENCES jot.run,
    superseded     boolean NOT NULL DEFAULT false,
    UNIQUE (kind, name, version)
);
CREATE UNIQUE INDEX input_file_current ON jot.input_file (kind, name) WHERE NOT superseded;

-- The files each run looked at and what it did with them.
CREATE TABLE jot.run_file (
    run_id   bigint  NOT NULL REFERENCES jot.run,
    file_id  bigint  NOT NULL REFERENCES jot.input_file,
    action   text    NOT NULL CHECK (action IN ('staged', 'new_version', 'unchanged')),
    PRIMARY KEY (run_id, file_id)
);

-- Staged rows, exactly as the reader accepted them (normalised NINo and postcode), with their file and line.
-- No foreign key to input_file: rows arrive by binary COPY in the same transaction as their file row, and a
-- per-row trigger would cost more than the whole copy. Codes: sex 0 unknown 1 M 2 F; benefit and programme are
-- the JotMatcher.Core.Records enum values (benefit 0 NONE 1 JSA 2 IS 3 IB 4 ESA 5 SDA 6 CA; programme 0 none
-- 1 ND_LP 2 ND_DP 3 ND_50PLUS 4 ND_25PLUS 5 ND_YP 6 EZ).
CREATE TABLE jot.staged_claim (
    file_id       bigint   NOT NULL,
    line          bigint   NOT NULL,
    claim_id      text     NOT NULL,
    customer_id   text     NOT NULL,
    nino          text     NOT NULL,
    surname       text     NOT NULL,
    forenames     text     NOT NULL,
    date_of_birth date,
    sex           smallint NOT NULL,
    postcode      text     NOT NULL,
    benefit       smallint NOT NULL,
    employed      boolean  NOT NULL,
    lone_parent   boolean  NOT NULL,
    disabled      boolean  NOT NULL,
    has_children  boolean  NOT NULL,
    programme     smallint NOT NULL,
    claim_start   date     NOT NULL,
    claim_end     date,
    office_code   text     NOT NULL,
    district_code text     NOT NULL,
    area_code     text     NOT NULL
);
CREATE INDEX staged_claim_file ON jot.staged_claim (file_id, line);

CREATE TABLE jot.staged_hmrc (
    file_id          bigint   NOT NULL,
    line             bigint   NOT NULL,
    hmrc_id          text     NOT NULL,
    nino             text     NOT NULL,
    surname          text     NOT NULL,
    forenames        text     NOT NULL,
    date_of_birth    date,
    sex              smallint NOT NULL,
    postcode         text     NOT NULL,
    employer_ref     text     NOT NULL,
    employment_start date     NOT NULL,
    notified_on      date
);
CREATE INDEX staged_hmrc_file ON jot.staged_hmrc (file_id, line);

-- Rows (or whole files, line 0) the reader could not use, with the reason; never the row's data.
CREATE TABLE jot.staged_reject (
    file_id bigint NOT NULL,
    line    bigint NOT NULL,
    reason  text   NOT NULL
);
CREATE INDEX staged_reject_file ON jot.staged_reject (file_id);

-- Reference data and manifest of the inbox, as last seen (replaced when the inbox carries a changed copy).
CREATE TABLE jot.deprived_area (
    area_code text PRIMARY KEY
);

CREATE TABLE jot.profile (
    district_code text    NOT NULL,
    month         text    NOT NULL CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
    points        integer NOT NULL,
    PRIMARY KEY (district_code, month)
);

CREATE TABLE jot.inbox_document (
    name    text PRIMARY KEY CHECK (name IN ('deprived_areas.csv', 'profile.csv', 'manifest.json')),
    sha256  text NOT NULL,
    content text NOT NULL
);

-- Results, per employment month. A month's rows are replaced as a whole, in one transaction, by one run.
CREATE TABLE jot.month_result (
    month  text   PRIMARY KEY CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
    run_id       bigint NOT NULL REFERENCES jot.run,
    as_of        date   NOT NULL,
    -- HMRC records with an employment start in the month: the denominator of the match rates.
    hmrc_records bigint NOT NULL
);

CREATE TABLE jot.outcome (
    month            text             NOT NULL,
    hmrc_id          text             NOT NULL,
    claim_id         text             NOT NULL,
    customer_id      text             NOT NULL,
    nino_pseudonym   text,
    match_method     text             NOT NULL,
    match_score      double precision NOT NULL,
    priority_group   smallint         NOT NULL,
    base_points      integer          NOT NULL,
    sustain_points   integer          NOT NULL,
    sustain_pending  boolean          NOT NULL,
    area_points      integer          NOT NULL,
    child_points     integer          NOT NULL,
    total_points     integer          NOT NULL,
    office_code      text             NOT NULL,
    district_code    text             NOT NULL,
    rule_set_version text             NOT NULL,
    run_id           bigint           NOT NULL,
    PRIMARY KEY (month, hmrc_id, claim_id)
);

CREATE TABLE jot.review_case (
    month          text             NOT NULL,
    hmrc_id        text             NOT NULL,
    claim_id       text             NOT NULL,
    customer_id    text             NOT NULL,
    nino_pseudonym text,
    reason         text             NOT NULL,
    match_method   text             NOT NULL,
    match_score    double precision NOT NULL,
    run_id         bigint           NOT NULL
);
CREATE INDEX review_case_month ON jot.review_case (month);

CREATE TABLE jot.referral (
    month            text   NOT NULL,
    hmrc_id          text   NOT NULL,
    claim_id         text   NOT NULL,
    customer_id      text   NOT NULL,
    nino_pseudonym   text,
    employment_start date   NOT NULL,
    claim_start      date   NOT NULL,
    claim_end        date,
    run_id           bigint NOT NULL,
    PRIMARY KEY (month, hmrc_id, claim_id)
);

-- Evidence behind every outcome, referral and review case (SPEC §3), in the matcher's order (seq).
CREATE TABLE jot.evidence (
    month    text             NOT NULL,
    subject  text             NOT NULL CHECK (subject IN ('outcome', 'referral', 'review')),
    hmrc_id  text             NOT NULL,
    claim_id text             NOT NULL,
    seq      integer          NOT NULL,
    field    text             NOT NULL,
    level    text             NOT NULL,
    weight   double precision NOT NULL
);
CREATE INDEX evidence_month ON jot.evidence (month);

-- Every accepted identity link and where it ended, for the match rates per pass (a sudden shift is how a
-- change in an upstream system shows).
CREATE TABLE jot.match_link (
    month        text             NOT NULL,
    hmrc_id      text             NOT NULL,
    customer_id  text             NOT NULL,
    match_method text             NOT NULL,
    match_score  double precision NOT NULL,
    disposition  text             NOT NULL CHECK (disposition IN ('outcome', 'referral', 'not_credited', 'no_outcome')),
    PRIMARY KEY (month, hmrc_id)
);

