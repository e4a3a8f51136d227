using System.Globalization;
using System.Text.Json;
using JotMatcher.Host.Runs;

namespace JotMatcher.Host.Replay;

/// <summary>
/// Wall-clock time and this process's CPU time of each step of a replay, for <c>scripts/bench</c>
/// (<c>jot replay --timings FILE</c>). Measures, never decides: nothing here reaches an export file. Each
/// <see cref="Step"/> ends the step before it. CPU time shows what a step costs when the machine is shared (wall
/// time then measures the neighbours too); the PostgreSQL server's CPU is not in it. Bytes allocated and collections
/// per step say where the garbage collector's share of that CPU comes from; the process's peak resident memory so far,
/// at each step's end, says which step set the peak.
/// </summary>
internal sealed class PhaseTimings(TimeProvider clock) : RunProgress
{
    private readonly List<Phase> _phases = [];
    private readonly long _begun = clock.GetTimestamp();
    private string? _current;
    private long _started;
    private TimeSpan _cpuStarted;
    private long _allocatedStarted;
    private int _gen0Started;
    private int _gen2Started;
    private TimeSpan _pausedStarted;

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
                PeakResidentMegabytes()));
            _current = null;
        }
    }

    /// <summary>
    /// <c>{ "total_seconds": …, "cpu_seconds": …, "phases": [ { "name": …, "seconds": …, "cpu_seconds": …,
    /// "allocated_mb": …, "gen0_collections": …, "gen2_collections": …, "gc_pause_seconds": …, "peak_rss_mb": … } ] }</c>
    /// (<c>scripts/bench</c> reads each phase's name and seconds, in that order).
    /// </summary>
    public void WriteJson(string path)
    {
        End();
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
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
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("unit", string.Create(CultureInfo.InvariantCulture, $"seconds (wall clock; cpu_seconds: this process, user and system, not the database server), {Environment.ProcessorCount} processors"));
        json.WriteEndObject();
    }

    private static double PeakResidentMegabytes()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    /// <summary>
    /// One step: wall and CPU seconds, megabytes allocated, collections (gen 0 counts every collection), the time the
    /// collector held the program's threads paused, and the process's peak resident megabytes so far when it ended.
    /// </summary>
    public sealed record Phase(string Name, double Seconds, double CpuSeconds, double AllocatedMegabytes, int Gen0Collections, int Gen2Collections,
        double GcPauseSeconds, double PeakResidentMegabytes);
}
