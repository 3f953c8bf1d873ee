using System.Runtime.InteropServices;

namespace KubeInject.Cli;

/// <summary>
/// What .NET does not say about a path on Unix: its file type (a FIFO or a device looks like any file) and its real
/// path (symlinks resolved in every component). Uses the runtime's own native shim, as the BCL does; on Windows the
/// answers come from the managed API.
/// </summary>
internal static class Posix
{
    /// <summary>What a path is, following symlinks.</summary>
    public enum FileKind { Missing, Regular, Directory, Other }

    // SystemNative_Stat fills the runtime's FileStatus: int32 Flags, int32 Mode, uint32 Uid, uint32 Gid, … (more
    // fields after; the buffer is larger than the struct).
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    private static extern int Stat(string path, byte[] status);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_RealPath", SetLastError = true)]
    private static extern IntPtr RealPath(string path);

    private const int TypeMask = 0xF000, Fifo = 0x1000, CharDevice = 0x2000, DirectoryType = 0x4000, RegularType = 0x8000;

    /// <summary>The type of what <paramref name="path"/> names (symlinks followed; a dangling link is missing).</summary>
    public static FileKind KindOf(string path)
    {
        if (OperatingSystem.IsWindows())
            return Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Regular : FileKind.Missing;
        var status = new byte[256];
        if (Stat(path, status) != 0) return FileKind.Missing;
        return (BitConverter.ToInt32(status, 4) & TypeMask) switch
        {
            RegularType => FileKind.Regular,
            DirectoryType => FileKind.Directory,
            _ => FileKind.Other,
        };
    }

    /// <summary>A short name of a non-regular file's type, for messages.</summary>
    public static string Describe(string path)
    {
        if (OperatingSystem.IsWindows()) return "not a regular file";
        var status = new byte[256];
        if (Stat(path, status) != 0) return "missing";
        return (BitConverter.ToInt32(status, 4) & TypeMask) switch
        {
            Fifo => "a FIFO",
            CharDevice => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            _ => "not a regular file",
        };
    }

    [DllImport("libc", EntryPoint = "chown", SetLastError = true)]
    private static extern int Chown(string path, uint owner, uint group);

    /// <summary>The owner and group of what <paramref name="path"/> names, or null (Windows, or it cannot be read).</summary>
    public static (uint User, uint Group)? OwnerOf(string path)
    {
        if (OperatingSystem.IsWindows()) return null;
        var status = new byte[256];
        if (Stat(path, status) != 0) return null;
        return (BitConverter.ToUInt32(status, 8), BitConverter.ToUInt32(status, 12));
    }

    /// <summary>Gives <paramref name="path"/> this owner and group when they differ and the OS allows it (root, or a group of ours).</summary>
    public static void TryKeepOwner(string path, (uint User, uint Group)? owner)
    {
        if (owner is not { } wanted || OwnerOf(path) == wanted) return;
        try
        {
            _ = Chown(path, wanted.User, wanted.Group); // refused without the right: the file stays ours
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // No libc chown on this platform.
        }
    }

    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    private static extern int LibcStat(string path, byte[] buffer);

    [DllImport("libc", EntryPoint = "__xstat", SetLastError = true)]
    private static extern int LibcXStat(int version, string path, byte[] buffer);

    /// <summary>
    /// How many hard links name the file at <paramref name="path"/> (symlinks followed), or null where that is not
    /// known: the runtime's stat shim does not report it, so libc's <c>struct stat</c> is read, whose layout is known
    /// here for Linux on x64 (<c>st_nlink</c>: 8 bytes at 16) and Arm64 (4 bytes at 20) only.
    /// </summary>
    public static long? LinkCount(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var arch = RuntimeInformation.ProcessArchitecture;
        if (arch is not (Architecture.X64 or Architecture.Arm64)) return null;
        var buffer = new byte[256];
        int rc;
        try
        {
            rc = LibcStat(path, buffer);
        }
        catch (EntryPointNotFoundException)
        {
            // glibc before 2.33 exports stat only as __xstat (_STAT_VER: 1 on x64, 0 on Arm64).
            try
            {
                rc = LibcXStat(arch == Architecture.X64 ? 1 : 0, path, buffer);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                return null;
            }
        }
        catch (DllNotFoundException)
        {
            return null;
        }
        if (rc != 0) return null;
        return arch == Architecture.X64 ? BitConverter.ToInt64(buffer, 16) : BitConverter.ToUInt32(buffer, 20);
    }

    /// <summary>The canonical absolute path (every symlink resolved), or the full path when that fails.</summary>
    public static string RealPathOf(string path)
    {
        if (OperatingSystem.IsWindows()) return Path.GetFullPath(path);
        IntPtr p = RealPath(path);
        if (p == IntPtr.Zero) return Path.GetFullPath(path);
        try
        {
            return Marshal.PtrToStringUTF8(p) ?? Path.GetFullPath(path);
        }
        finally
        {
            Marshal.FreeHGlobal(p);
        }
    }
}
