using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using JotMatcher.Host.Runs;

namespace JotMatcher.Host.Replay;

/// <summary>
/// Wall-clock time and this process's CPU time of each step of a replay, for <c>scripts/bench</c>
/// (<c>jot replay --timings FILE</c>). Measures, never decides: nothing here reaches an export file. Each
/// <see cref="Step"/> ends the step before it. CPU time shows what a step costs when the machine is shared (wall
/// time then measures the neighbours too); the PostgreSQL server's CPU is not in it. Bytes allocated and collections
/// per step say where the garbage collector's share of that CPU comes from; the process's peak resident memory so far,
/// at each step's end, says which step set the peak. Minor page faults count the pages the step touched for the first
/// time (on this machine each costs about 12 µs of CPU, mostly in the hypervisor), and the types it allocated most
/// come from the runtime's allocation sampling (<see cref="AllocationSampler"/>).
/// </summary>
internal sealed class PhaseTimings(TimeProvider clock) : RunProgress, IDisposable
{
    private const int TopTypes = 5;

    private readonly List<Phase> _phases = [];
    private readonly AllocationSampler _sampler = new();
    private readonly long _begun = clock.GetTimestamp();
    private string? _current;
    private long _started;
    private TimeSpan _cpuStarted;
    private long _allocatedStarted;
    private int _gen0Started;
    private int _gen2Started;
    private TimeSpan _pausedStarted;
    private long? _faultsStarted;

    public IReadOnlyList<Phase> Phases => _phases;

    public override void Begin(long runId)
    {
    }

    public override void Step(string name)
    {
        End();
        _current = name;
        _started = clock.GetTimestamp();
        _cpuStarted = Environment.CpuUsage.TotalTime;
        _allocatedStarted = GC.GetTotalAllocatedBytes();
        _gen0Started = GC.CollectionCount(0);
        _gen2Started = GC.CollectionCount(2);
        _pausedStarted = GC.GetTotalPauseDuration();
        _faultsStarted = MinorPageFaults();
        _sampler.StepStarted(name, clock.GetUtcNow().UtcDateTime);
    }

    public void End()
    {
        if (_current is not null)
        {
            _phases.Add(new Phase(
                _current,
                clock.GetElapsedTime(_started).TotalSeconds,
                (Environment.CpuUsage.TotalTime - _cpuStarted).TotalSeconds,
                (GC.GetTotalAllocatedBytes() - _allocatedStarted) / (1024.0 * 1024.0),
                GC.CollectionCount(0) - _gen0Started,
                GC.CollectionCount(2) - _gen2Started,
                (GC.GetTotalPauseDuration() - _pausedStarted).TotalSeconds,
                PeakResidentMegabytes(),
                MinorPageFaults() - _faultsStarted));
            _current = null;
        }
    }

    /// <summary>
    /// <c>{ "total_seconds": …, "cpu_seconds": …, "phases": [ { "name": …, "seconds": …, "cpu_seconds": …,
    /// "allocated_mb": …, "gen0_collections": …, "gen2_collections": …, "gc_pause_seconds": …, "peak_rss_mb": …,
    /// "minor_page_faults": … (null where the system does not tell), "top_allocations": "Type 12.3 MB; …" } ] }</c>
    /// (<c>scripts/bench</c> reads each phase's name and seconds, in that order, one value per line).
    /// </summary>
    public void WriteJson(string path)
    {
        End();
        // The runtime dispatches its events a moment late: closing the listener first delivers what it holds.
        _sampler.Dispose();
        using var stream = File.Create(path);
        // Type names as they are (backticks and plus signs of generic and nested types), for scripts/bench's awk.
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteNumber("total_seconds", Math.Round(clock.GetElapsedTime(_begun).TotalSeconds, 3));
        json.WriteNumber("cpu_seconds", Math.Round(Environment.CpuUsage.TotalTime.TotalSeconds, 3));
        json.WriteStartArray("phases");
        foreach (var phase in _phases)
        {
            json.WriteStartObject();
            json.WriteString("name", phase.Name);
            json.WriteNumber("seconds", Math.Round(phase.Seconds, 3));
            json.WriteNumber("cpu_seconds", Math.Round(phase.CpuSeconds, 3));
            json.WriteNumber("allocated_mb", Math.Round(phase.AllocatedMegabytes, 1));
            json.WriteNumber("gen0_collections", phase.Gen0Collections);
            json.WriteNumber("gen2_collections", phase.Gen2Collections);
            json.WriteNumber("gc_pause_seconds", Math.Round(phase.GcPauseSeconds, 3));
            json.WriteNumber("peak_rss_mb", Math.Round(phase.PeakResidentMegabytes));
            if (phase.MinorPageFaults is { } faults)
            {
                json.WriteNumber("minor_page_faults", faults);
            }
            else
            {
                json.WriteNull("minor_page_faults");
            }

            json.WriteString("top_allocations", string.Join("; ", _sampler.Top(phase.Name, TopTypes)
                .Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Type} {t.Megabytes:F1} MB"))));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("unit", string.Create(CultureInfo.InvariantCulture, $"seconds (wall clock; cpu_seconds: this process, user and system, not the database server), {Environment.ProcessorCount} processors"));
        json.WriteEndObject();
    }

    public void Dispose() => _sampler.Dispose();

    /// <summary>The process's minor page faults so far (Linux: field 10 of /proc/self/stat, after the parenthesised name); null elsewhere.</summary>
    private static long? MinorPageFaults()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // fields[0] is field 3 (state), so field 10 (minflt) is fields[7].
            return long.Parse(fields[7], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static double PeakResidentMegabytes()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    /// <summary>
    /// One step: wall and CPU seconds, megabytes allocated, collections (gen 0 counts every collection), the time the
    /// collector held the program's threads paused, the process's peak resident megabytes so far when it ended, and the
    /// minor page faults it took (null where the system does not tell).
    /// </summary>
    public sealed record Phase(string Name, double Seconds, double CpuSeconds, double AllocatedMegabytes, int Gen0Collections, int Gen2Collections,
        double GcPauseSeconds, double PeakResidentMegabytes, long? MinorPageFaults);
}
