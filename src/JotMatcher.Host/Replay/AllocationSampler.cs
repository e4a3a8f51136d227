using System.Diagnostics.Tracing;

namespace JotMatcher.Host.Replay;

/// <summary>
/// What a replay allocates, by type and step, from the runtime's own allocation sampling (the GC's
/// <c>GCAllocationTick</c> event: one event about every 100 KB allocated, naming the type of the object that crossed
/// the mark). A sample, not an account: types that allocate little may not appear, and each count is within about
/// 100 KB per event of the truth. Type names only: no value of an object is ever read.
/// On this machine first touching fresh memory costs about 3 ms of CPU per megabyte, so what a step allocates and
/// keeps is a cost of its own (docs/scale-out.md); this says which types those bytes are.
/// Events are dispatched on the runtime's thread, a moment after they happen: each is credited to the step that was
/// running at its time stamp.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    private readonly Lock gate = new();
    private readonly List<(DateTime Start, string Step)> steps = [];
    private readonly Dictionary<(string Step, string Type), long> bytes = [];

    /// <summary>Credits what is allocated from <paramref name="startUtc"/> on to <paramref name="step"/>.</summary>
    public void StepStarted(string step, DateTime startUtc)
    {
        lock (gate)
        {
            steps.Add((startUtc, step));
        }
    }

    /// <summary>The <paramref name="count"/> types that allocated most in <paramref name="step"/>, most first (megabytes, sampled).</summary>
    public IReadOnlyList<(string Type, double Megabytes)> Top(string step, int count)
    {
        lock (gate)
        {
            return [.. bytes.Where(b => b.Key.Step == step)
                .OrderByDescending(b => b.Value).ThenBy(b => b.Key.Type, StringComparer.Ordinal)
                .Take(count)
                .Select(b => (b.Key.Type, b.Value / (1024.0 * 1024.0)))];
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        // Called from the base constructor too, before this class's fields are set: only the name is looked at.
        if (eventSource.Name == RuntimeSource)
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.PayloadNames is not { } names
            || eventData.Payload is not { } payload)
        {
            return;
        }

        var typeAt = names.IndexOf("TypeName");
        var amountAt = names.IndexOf("AllocationAmount64");
        if (typeAt < 0 || payload[typeAt] is not string type)
        {
            return;
        }

        var amount = amountAt >= 0 && payload[amountAt] is ulong exact ? (long)exact : 100 * 1024;
        lock (gate)
        {
            if (StepAt(eventData.TimeStamp.ToUniversalTime()) is { } step)
            {
                var key = (step, type);
                bytes[key] = bytes.GetValueOrDefault(key) + amount;
            }
        }
    }

    // The last step started at or before the time (steps are added in time order).
    private string? StepAt(DateTime time)
    {
        for (var i = steps.Count - 1; i >= 0; i--)
        {
            if (steps[i].Start <= time)
            {
                return steps[i].Step;
            }
        }

        return null;
    }
}
