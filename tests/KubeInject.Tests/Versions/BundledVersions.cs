using KubeInject.Versions;

namespace KubeInject.Tests.Versions;

/// <summary>Theory data from the code's list of bundled versions, so tests follow a new version folder without edits.</summary>
public static class BundledVersions
{
    /// <summary>Every bundled version, oldest first.</summary>
    public static TheoryData<string> All => new(IstioVersions.Bundled.All.Select(p => p.Version));

    /// <summary>Every bundled version's stock template name and Istio's file name for it.</summary>
    public static TheoryData<string, string, string> StockTemplates
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var p in IstioVersions.Bundled.All)
                foreach (var (name, file) in KubeInject.GoTemplates.BundledGoTemplates.Files)
                    data.Add(p.Version, name, file);
            return data;
        }
    }

    /// <summary>The default version (the newest bundled), as the code names it.</summary>
    public static string Default => Injector.DefaultIstioVersion;

    /// <summary>The proxy image the default version's chart values give.</summary>
    public static string DefaultProxyImage => $"docker.io/istio/proxyv2:{Default}";
}
