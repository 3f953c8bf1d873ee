namespace KubeInject.Checking;

/// <summary>How serious a <see cref="Finding"/> is, least serious first (so severities compare with <c>&gt;=</c>).</summary>
public enum FindingSeverity
{
    /// <summary>Worth knowing; nothing is wrong (istioctl analyze's Info).</summary>
    Info,
    /// <summary>Probably not what was meant.</summary>
    Warning,
    /// <summary>The workload will not run as the manifest intends.</summary>
    Error,
}
