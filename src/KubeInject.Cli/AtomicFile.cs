using System.Text;

namespace KubeInject.Cli;

/// <summary>
/// Writes a file so that readers see either the old or the new content, never a half-written one:
/// write a temp file in the same folder, then rename it over the target (keeping the target's permissions).
/// Dispose without <see cref="Commit"/> deletes the temp file and leaves the target untouched.
/// </summary>
internal sealed class AtomicFile : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);
    private readonly string _target;
    private readonly string _temp;
    private bool _committed;

    private AtomicFile(string path)
    {
        _target = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(_target)!;
        Directory.CreateDirectory(dir);
        _temp = Path.Combine(dir, $".{Path.GetFileName(_target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        // UTF-8 without a BOM of its own: a BOM in the input is part of the text and is written back as such.
        Writer = new StreamWriter(_temp, false, Utf8NoBom, 1 << 16);
    }

    /// <summary>Where to write the new content.</summary>
    public TextWriter Writer { get; }

    /// <summary>Starts writing <paramref name="path"/>.</summary>
    public static AtomicFile Create(string path) => new(path);

    /// <summary>Writes a whole file atomically.</summary>
    public static void Write(string path, string content)
    {
        using var file = Create(path);
        file.Writer.Write(content);
        file.Commit();
    }

    /// <summary>Replaces the target with what was written.</summary>
    public void Commit()
    {
        Writer.Dispose();
        if (File.Exists(_target) && !OperatingSystem.IsWindows())
            File.SetUnixFileMode(_temp, File.GetUnixFileMode(_target));
        File.Move(_temp, _target, overwrite: true);
        _committed = true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Writer.Dispose();
        if (!_committed && File.Exists(_temp)) File.Delete(_temp);
    }
}
