using KubeInject.Go;
using KubeInject.Versions;

namespace KubeInject.Settings;

/// <summary>What Istio's injector reads from its process environment, offline: the options' environment and flags.</summary>
internal static class InjectorEnvironment
{
    // The Go-side native-sidecar flag offline: 1.29 reads ENABLE_NATIVE_SIDECARS as a mode where only "true"
    // enables (auto needs a cluster); 1.22/1.23 parse it as a Go bool.
    public static bool NativeSidecarsOn(IstioVersionProfile profile, string value) =>
        profile.NativeSidecarsEnvIsMode ? value == "true" : Strconv.ParseBool(value) == true;

    // What Istio's injector would read from its process environment; the native-sidecar flag, when
    // given explicitly, wins over the variable so templates that read `env "ENABLE_NATIVE_SIDECARS"` agree.
    public static IReadOnlyDictionary<string, string> Of(InjectionOptions options)
    {
        var env = new Dictionary<string, string>(options.Environment, StringComparer.Ordinal);
        switch (options.NativeSidecars)
        {
            case NativeSidecarMode.Enabled: env["ENABLE_NATIVE_SIDECARS"] = "true"; break;
            case NativeSidecarMode.Disabled: env["ENABLE_NATIVE_SIDECARS"] = "false"; break;
        }
        return env;
    }
}
