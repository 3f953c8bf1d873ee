namespace KubeInject.PostProcessing;

/// <summary>Go's <c>strconv.ParseBool</c>, which Istio uses for annotation switches.</summary>
internal static class GoBool
{
    /// <summary>The value, or null when Go would report a syntax error.</summary>
    public static bool? Parse(string? text) => text switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => null,
    };
}
