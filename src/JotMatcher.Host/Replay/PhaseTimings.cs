using System.Globalization;
using System.Text.Json;
using JotMatcher.Host.Runs;

namespace JotMatcher.Host.Replay;

/// <summary>
/// Wall-clock time and this process's CPU time of each step of a replay, for <c>scripts/bench</c>
/// (<c>jot replay --timings FILE</c>). Measures, never decides: nothing here reaches an export file. Each
/// <see cref="Step"/> ends the step before it. CPU time shows what a step costs when the machine is shared (wall
/// time then measures the neighbours too); the PostgreSQL server's CPU is not in it.
/// </summary>
internal sealed class PhaseTimings(TimeProvider clock) : RunProgress
{
    private readonly List<(string Name, double Seconds, double CpuSeconds)> _phases = [];
    private readonly long _begun = clock.GetTimestamp();
    private string? _current;
    private long _started;
    private TimeSpan _cpuStarted;

    public IReadOnlyList<(string Name, double Seconds, double CpuSeconds)> Phases => _phases;

    public override void Begin(long runId)
    {
    }

    public override void Step(string name)
    {
        End();
        _current = name;
        _started = clock.GetTimestamp();
        _cpuStarted = Environment.CpuUsage.TotalTime;
    }

    public void End()
    {
        if (_current is not null)
        {
            _phases.Add((_current, clock.GetElapsedTime(_started).TotalSeconds, (Environment.CpuUsage.TotalTime - _cpuStarted).TotalSeconds));
            _current = null;
        }
    }

    /// <summary>
    /// <c>{ "total_seconds": …, "cpu_seconds": …, "phases": [ { "name": …, "seconds": …, "cpu_seconds": … } ] }</c>
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
        foreach (var (name, seconds, cpuSeconds) in _phases)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteNumber("seconds", Math.Round(seconds, 3));
            json.WriteNumber("cpu_seconds", Math.Round(cpuSeconds, 3));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("unit", string.Create(CultureInfo.InvariantCulture, $"seconds (wall clock; cpu_seconds: this process, user and system, not the database server), {Environment.ProcessorCount} processors"));
        json.WriteEndObject();
    }
}
