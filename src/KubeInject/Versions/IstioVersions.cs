using KubeInject.Diagnostics;

namespace KubeInject.Versions;

/// <summary>
/// The Istio versions KubeInject knows: one per folder of <see cref="IVersionFiles"/> (each with a
/// <c>profile.yaml</c>), oldest first, and resolution of a user's <c>--istio-version</c>. Nothing here names a version:
/// adding a folder adds one.
/// </summary>
internal sealed class IstioVersions
{
    private static readonly Lazy<IstioVersions> BundledVersions = new(() => new IstioVersions(EmbeddedVersionFiles.Instance));

    /// <summary>The versions bundled in the library (its embedded <c>templates/istio-*/</c> folders).</summary>
    public static IstioVersions Bundled => BundledVersions.Value;

    /// <summary>The versions of every folder of <paramref name="files"/>; a bad <c>profile.yaml</c> throws.</summary>
    public IstioVersions(IVersionFiles files)
    {
        var profiles = files.Folders().Select(folder => ProfileYaml.Read(files, folder)).ToList();
        if (profiles.Count == 0)
            throw new KubeInjectException("no Istio version folder (templates/istio-*/profile.yaml) is bundled", null, ErrorKind.MissingInput);
        profiles.Sort((a, b) => Compare(Numbers(a.Version)!, Numbers(b.Version)!));
        All = profiles;
    }

    /// <summary>Every version, oldest first.</summary>
    public IReadOnlyList<IstioVersionProfile> All { get; }

    /// <summary>The version used when none is asked for: the newest.</summary>
    public IstioVersionProfile Default => All[^1];

    /// <summary>
    /// The profile for e.g. <c>1.29</c> or <c>1.29.6</c> (a leading <c>v</c> is accepted); a minor version picks its
    /// patch. Null or empty gives <see cref="Default"/>.
    /// </summary>
    /// <exception cref="KubeInjectException">Unknown version (kind <see cref="ErrorKind.Usage"/>), listing the known ones.</exception>
    public IstioVersionProfile Resolve(string? version)
    {
        if (string.IsNullOrWhiteSpace(version)) return Default;
        string v = version.Trim();
        if (v.StartsWith('v') || v.StartsWith('V')) v = v[1..];
        foreach (var p in All)
            if (p.Version == v) return p;
        var byMinor = All.LastOrDefault(p => MinorOf(p.Version) == v);
        if (byMinor is not null) return byMinor;
        throw new KubeInjectException(
            $"unsupported Istio version '{version}'; bundled versions: {string.Join(", ", All.Select(p => p.Version))}",
            null, ErrorKind.Usage);
    }

    /// <summary>
    /// For a version that is not bundled (e.g. <c>1.27.3</c>): the newest profile at or below it, whose Go-code
    /// behaviour it then follows, or null when the text is not a version or is older than every profile.
    /// </summary>
    public IstioVersionProfile? FallbackFor(string? version)
    {
        var wanted = Numbers(version);
        if (wanted is null) return null;
        return All.LastOrDefault(p => Compare(Numbers(p.Version)!, wanted) <= 0);
    }

    /// <summary>The profile whose exact version is <paramref name="version"/> (no minor-only match, no <c>v</c>), or null.</summary>
    public IstioVersionProfile? FindExact(string? version) =>
        All.FirstOrDefault(p => string.Equals(p.Version, version?.Trim(), StringComparison.Ordinal));

    /// <summary>The profile of <paramref name="version"/>'s minor release (<c>1.22.1</c> → 1.22.4), or null.</summary>
    public IstioVersionProfile? FindByMinor(string version) =>
        All.LastOrDefault(p => MinorOf(p.Version) == MinorOf(version.TrimStart('v', 'V')));

    /// <summary>True when <paramref name="version"/> is only a minor release (<c>1.29</c>) that a profile has a patch of.</summary>
    public bool IsMinorOnly(string version)
    {
        var v = version.Trim().TrimStart('v', 'V');
        return v.Count(c => c == '.') == 1 && All.Any(p => p.Version.StartsWith(v + ".", StringComparison.Ordinal));
    }

    /// <summary><c>1.27.3</c> (or <c>v1.27</c>) as numbers; null when it is not a version.</summary>
    internal static int[]? Numbers(string? version)
    {
        var v = version?.Trim().TrimStart('v', 'V') ?? "";
        var parts = v.Split('.');
        if (parts.Length is < 2 or > 3) return null;
        var numbers = new int[3];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out numbers[i])) return null;
        return numbers;
    }

    private static int Compare(int[] a, int[] b)
    {
        for (int i = 0; i < 3; i++)
            if (a[i] != b[i]) return a[i].CompareTo(b[i]);
        return 0;
    }

    private static string MinorOf(string version)
    {
        var parts = version.Split('.');
        return parts.Length >= 2 ? parts[0] + "." + parts[1] : version;
    }
}
