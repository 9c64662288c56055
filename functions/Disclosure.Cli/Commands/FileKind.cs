using System.Runtime.InteropServices;

namespace Disclosure.Cli.Commands;

/// <summary>
/// What a path is, following links, without opening it: opening a FIFO blocks until a writer comes, and reading a link to
/// /dev/zero never ends. Only regular files are read. On Unix the type comes from stat(2) through the runtime's own native
/// shim (libSystem.Native, which every .NET runtime ships; its FileStatus starts with Flags then Mode); elsewhere every
/// existing file counts as regular.
/// </summary>
internal static partial class FileKind
{
    private const int TypeMask = 0xF000;
    private const int Regular = 0x8000;

    /// <summary>Null for a regular file; else what it is (FIFO, character device, …), for the error message.</summary>
    public static string? NotRegular(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return null;
        }

        int mode;
        try
        {
            if (Stat(path, out var status) != 0)
            {
                return null; // Let the read report the I/O error it meets.
            }

            mode = status.Mode;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }

        return (mode & TypeMask) switch
        {
            Regular => null,
            0x1000 => "命名管道 FIFO",
            0x2000 => "字符设备 character device",
            0x6000 => "块设备 block device",
            0xC000 => "套接字 socket",
            0x4000 => "目录 directory",
            _ => "特殊文件 special file",
        };
    }

    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, out FileStatus status);
}
