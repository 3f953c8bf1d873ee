namespace KubeInject.Tests.Golden;

/// <summary>How a received snapshot may replace its verified file.</summary>
internal enum Accept
{
    /// <summary>Not requested: mismatches fail.</summary>
    No,

    /// <summary>Requested and allowed: the received text becomes the verified file.</summary>
    Yes,

    /// <summary>Requested but <c>CI=true</c>: mismatches fail.</summary>
    BlockedByCi,
}

/// <summary>The received/verified pair for one snapshot: <c>{Folder}/{Stem}.{received|verified}.{Extension}</c>.</summary>
internal sealed record SnapshotFiles(string Folder, string Stem, string Extension)
{
    /// <summary>Path of the committed, expected snapshot.</summary>
    public string VerifiedPath => Path.Combine(Folder, $"{Stem}.verified.{Extension}");

    /// <summary>Path of the snapshot produced by the last failing run (git-ignored).</summary>
    public string ReceivedPath => Path.Combine(Folder, $"{Stem}.received.{Extension}");
}
