namespace KubeInject.Checking;

/// <summary>One input text and the name messages use for it (the library reads no files).</summary>
/// <param name="Text">The manifest text (multi-document YAML or JSON).</param>
/// <param name="FileName">Its name, e.g. the path it was read from.</param>
public sealed record ManifestInput(string Text, string FileName);
