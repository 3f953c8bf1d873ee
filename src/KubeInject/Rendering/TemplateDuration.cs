using KubeInject.Go;
using KubeInject.Go.Protojson;
using Scriban.Runtime;

namespace KubeInject.Rendering;

/// <summary>The <c>formatDuration</c> argument of Istio's templates: a proto duration in any shape the values hold.</summary>
internal static class TemplateDuration
{
    /// <summary>Go's <c>Duration.String()</c> of a proto duration (<c>"23s"</c>, <c>"1.500s"</c>, <c>{seconds, nanos}</c>, a number of seconds).</summary>
    public static string Format(object? duration) => Time.DurationString(Nanoseconds(duration));

    private static long Nanoseconds(object? duration) => duration switch
    {
        null => 0,
        string s => ProtoDuration.Parse(s),
        ScriptObject o => GoValues.ToInt64(o["seconds"]) * 1_000_000_000L + GoValues.ToInt64(o["nanos"]),
        double d => (long)Math.Round(d * 1e9),
        _ => GoValues.ToInt64(duration) * 1_000_000_000L,
    };
}
