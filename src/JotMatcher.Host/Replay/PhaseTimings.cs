using System.Globalization;
using System.Text.Json;
using JotMatcher.Host.Runs;

namespace JotMatcher.Host.Replay;

/// <summary>
/// Wall-clock time of each step of a replay, for <c>scripts/bench</c> (<c>jot replay --timings FILE</c>). Measures,
/// never decides: nothing here reaches an export file. Each <see cref="Step"/> ends the step before it.
/// </summary>
internal sealed class PhaseTimings(TimeProvider clock) : RunProgress
{
    private readonly List<(string Name, double Seconds)> _phases = [];
    private readonly long _begun = clock.GetTimestamp();
    private string? _current;
    private long _started;

    public IReadOnlyList<(string Name, double Seconds)> Phases => _phases;

    public override void Begin(long runId)
    {
    }

    public override void Step(string name)
    {
        End();
        _current = name;
        _started = clock.GetTimestamp();
    }

    public void End()
    {
        if (_current is not null)
        {
            _phases.Add((_current, clock.GetElapsedTime(_started).TotalSeconds));
            _current = null;
        }
    }

    /// <summary><c>{ "total_seconds": …, "phases": [ { "name": …, "seconds": … } ] }</c>.</summary>
    public void WriteJson(string path)
    {
        End();
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("total_seconds", Math.Round(clock.GetElapsedTime(_begun).TotalSeconds, 3));
        json.WriteStartArray("phases");
        foreach (var (name, seconds) in _phases)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteNumber("seconds", Math.Round(seconds, 3));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("unit", string.Create(CultureInfo.InvariantCulture, $"wall-clock seconds, {Environment.ProcessorCount} processors"));
        json.WriteEndObject();
    }
}
