namespace KubeInject.Cli;

/// <summary>
/// Writes a file so that readers see either the old or the new content, never a half-written one:
/// write a temp file in the same folder, then rename it over the target (keeping the target's permissions).
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, string content)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            // UTF-8 without BOM: a BOM in the input is part of the text and is written back as such.
            File.WriteAllText(temp, content, new System.Text.UTF8Encoding(false));
            if (File.Exists(full) && !OperatingSystem.IsWindows())
                File.SetUnixFileMode(temp, File.GetUnixFileMode(full));
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
