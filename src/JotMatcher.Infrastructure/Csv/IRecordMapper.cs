using JotMatcher.Core.Records;

namespace JotMatcher.Infrastructure.Csv;

/// <summary>Turns the current record of one kind of input file into a domain record, column by column, by hand.</summary>
internal interface IRecordMapper<T>
    where T : class
{
    /// <summary>The column holding the record's unique id (duplicates within a dataset are rejected).</summary>
    string IdColumn { get; }

    /// <summary>The record, or null when <paramref name="row"/> has rejected it.</summary>
    T? Map(RowFields row, SourceLocation source);

    RecordId IdOf(T record);

    /// <summary>
    /// The accepted row's text that staging stores but the record does not keep (read, with its warning if any, for
    /// every accepted row), as the UTF-8 staged (valid until the row's next field is read); empty when the kind has none.
    /// </summary>
    ReadOnlySpan<byte> StagedOnly(RowFields row);
}
