using System.Diagnostics;
using System.Text;

namespace KubeInject.Cli;

/// <summary>
/// Writes an output file so that readers see either the old or the new content, never a half-written one: a temp
/// file in the same folder, flushed to disk (fsync) and renamed over the target, which keeps its permissions (and its
/// owner and group where the OS allows: running as root, or a group of ours).
/// A symlink is written through: the file it points to is replaced and the link stays. A target that exists and is
/// not a regular file (<c>/dev/null</c>, <c>/dev/stdout</c>, a FIFO) is written directly: there is nothing to rename.
/// Temp files are named <c>.NAME.kube-inject.PID.tmp</c>; one left by a process that no longer runs (killed) is
/// removed by the next write to the same target. Every I/O failure is an <see cref="OutputException"/>.
/// A file with several hard links is the exception to the rename: a rename would give the new content to this name
/// only and cut it from the other links. Its new content is written and fsynced to the temp file as usual, then copied
/// into the file itself (same inode: every link, the owner and the mode stay), fsynced, and the temp file removed.
/// The price: that copy is not atomic; a crash during it leaves the file partly written, with the whole new content
/// still in the temp file beside it (until a later run there removes it as stale).
/// Dispose without <see cref="Commit"/> deletes the temp file and leaves the target untouched.
/// </summary>
internal sealed class AtomicFile : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);
    private const string TempMarker = ".kube-inject.";
    private readonly string _path; // as the caller named it, for messages
    private readonly string _target; // the file actually replaced (symlinks resolved)
    private readonly string? _temp; // null when writing directly
    private readonly bool _copyBack; // several hard links: the temp file's content is copied into the target
    private readonly FileStream _stream;
    private readonly StreamWriter _writer;
    private bool _committed;

    private AtomicFile(string path)
    {
        _path = path;
        var full = Path.GetFullPath(path);
        // Through a symlink (also a chain of them) to the file it names; a dangling link's target is created.
        var kind = Posix.KindOf(full);
        _target = new FileInfo(full).LinkTarget is null ? full : kind == Posix.FileKind.Missing ? ResolveDangling(full) : Posix.RealPathOf(full);
        if (kind == Posix.FileKind.Directory) throw new OutputException(path, new IOException("is a directory"));
        if (kind == Posix.FileKind.Other)
        {
            _stream = new FileStream(_target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1);
        }
        else
        {
            var dir = Path.GetDirectoryName(_target)!;
            Directory.CreateDirectory(dir);
            RemoveStaleTempFiles(dir, Path.GetFileName(_target));
            _temp = Path.Combine(dir, $".{Path.GetFileName(_target)}{TempMarker}{Environment.ProcessId}.tmp");
            _copyBack = kind == Posix.FileKind.Regular && Posix.LinkCount(_target) > 1;
            _stream = new FileStream(_temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        }
        // UTF-8 without a BOM of its own: a BOM in the input is part of the text and is written back as such.
        _writer = new StreamWriter(_stream, Utf8NoBom, 1 << 16);
        Writer = new GuardedWriter(_writer, path);
    }

    private static string ResolveDangling(string link)
    {
        var target = new FileInfo(link).LinkTarget!;
        return Path.GetFullPath(target, Path.GetDirectoryName(link)!);
    }

    /// <summary>Where to write the new content (failures throw <see cref="OutputException"/>).</summary>
    public TextWriter Writer { get; }

    /// <summary>Starts writing <paramref name="path"/>.</summary>
    public static AtomicFile Create(string path) => OutputException.Guard(path, () => new AtomicFile(path));

    /// <summary>Writes a whole file atomically.</summary>
    public static void Write(string path, string content)
    {
        using var file = Create(path);
        file.Writer.Write(content);
        file.Commit();
    }

    /// <summary>Replaces the target with what was written.</summary>
    public void Commit() => OutputException.Guard(_path, () =>
    {
        _writer.Flush();
        if (_temp is null)
        {
            _writer.Dispose();
            _committed = true;
            return;
        }
        _stream.Flush(flushToDisk: true);
        _writer.Dispose();
        if (_copyBack)
        {
            CopyInto(_temp, _target);
            File.Delete(_temp);
            _committed = true;
            return;
        }
        if (File.Exists(_target) && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_temp, File.GetUnixFileMode(_target));
            Posix.TryKeepOwner(_temp, Posix.OwnerOf(_target));
        }
        File.Move(_temp, _target, overwrite: true);
        _committed = true;
    });

    // Overwrites the file in place (its inode, so all its links, stay) and flushes it to disk.
    private static void CopyInto(string source, string target)
    {
        using var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var to = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.None, 1 << 16);
        from.CopyTo(to);
        to.SetLength(to.Position);
        to.Flush(flushToDisk: true);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            _writer.Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            // The write already failed (that error is being reported); only the temp file is left to remove.
        }
        if (!_committed && _temp is not null && File.Exists(_temp)) File.Delete(_temp);
    }

    // ".NAME.kube-inject.PID.tmp" of a process that is gone: a run that was killed before it could clean up.
    private static void RemoveStaleTempFiles(string dir, string name)
    {
        string prefix = $".{name}{TempMarker}";
        foreach (var file in Directory.EnumerateFiles(dir, prefix + "*.tmp"))
        {
            var pidText = Path.GetFileName(file)[prefix.Length..^".tmp".Length];
            if (!int.TryParse(pidText, out int pid) || pid == Environment.ProcessId || IsRunning(pid)) continue;
            try
            {
                File.Delete(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Someone else's to clean up.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
