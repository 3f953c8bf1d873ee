namespace KubeInject.Go.Protojson;

/// <summary>A value that jsonpb would refuse; the message imitates Go's, callers add Istio's prefix.</summary>
internal sealed class ProtoJsonException(string message) : Exception(message);
