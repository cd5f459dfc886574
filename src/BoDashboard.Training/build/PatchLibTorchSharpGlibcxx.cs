// Compiled by MSBuild's RoslynCodeTaskFactory (see LibTorchSharpCompat.targets), not part of the Training assembly.
// Edits the ELF64 little-endian dynamic-section data of libLibTorchSharp.so so that it loads with a libstdc++ that
// lacks GLIBCXX_3.4.32. Every check fails safe: anything unexpected leaves the file as it is, with a warning.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class PatchLibTorchSharpGlibcxx : Task
{
    private const string MissingVersion = "GLIBCXX_3.4.32";
    private const string OnlySymbol = "_ZSt21ios_base_library_initv";
    private const uint ShtRela = 4, ShtRel = 9, ShtDynsym = 11;
    private const uint ShtGnuVerneed = 0x6ffffffe, ShtGnuVersym = 0x6fffffff;
    private const ushort VerFlgWeak = 0x2;

    [Required]
    public string[] Directories { get; set; } = Array.Empty<string>();

    public override bool Execute()
    {
        var libraries = new List<string>();
        foreach (var directory in Directories)
        {
            if (Directory.Exists(directory))
                libraries.AddRange(Directory.GetFiles(directory, "libLibTorchSharp.so", SearchOption.AllDirectories));
        }
        if (libraries.Count == 0)
            return true;
        if (SystemLibstdcxxHasVersion())
        {
            Log.LogMessage(MessageImportance.Low, "libstdc++ provides " + MissingVersion + "; libLibTorchSharp.so left as is.");
            return true;
        }
        foreach (var library in libraries)
        {
            try
            {
                Patch(library);
            }
            catch (Exception e) when (e is IOException || e is InvalidDataException || e is UnauthorizedAccessException)
            {
                Log.LogWarning("LibTorchSharp compatibility step skipped for " + library + ": " + e.Message);
            }
        }
        return true;
    }

    private static bool SystemLibstdcxxHasVersion()
    {
        string[] candidates =
        {
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
            "/usr/lib64/libstdc++.so.6", "/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6", "/lib/libstdc++.so.6",
        };
        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate))
                return IndexOf(File.ReadAllBytes(candidate), Encoding.ASCII.GetBytes(MissingVersion + "\0")) >= 0;
        }
        // No libstdc++ where we know to look: patching is harmless, so do it.
        return false;
    }

    private void Patch(string path)
    {
        var elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F' || elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("not an ELF64 little-endian file");

        var shoff = (long)U64(elf, 0x28);
        int shentsize = U16(elf, 0x3a), shnum = U16(elf, 0x3c);
        long verneed = -1, versym = -1, dynsym = -1, dynsymSize = 0;
        int verneedCount = 0;
        uint verneedStrings = 0, dynsymStrings = 0, dynsymIndex = 0;
        var relocationSections = new List<long>();
        for (var i = 0; i < shnum; i++)
        {
            var header = shoff + (long)i * shentsize;
            var type = U32(elf, header + 4);
            var offset = (long)U64(elf, header + 0x18);
            if (type == ShtGnuVerneed) { verneed = offset; verneedStrings = U32(elf, header + 0x28); verneedCount = (int)U32(elf, header + 0x2c); }
            else if (type == ShtGnuVersym) versym = offset;
            else if (type == ShtDynsym) { dynsym = offset; dynsymSize = (long)U64(elf, header + 0x20); dynsymStrings = U32(elf, header + 0x28); dynsymIndex = (uint)i; }
            else if (type == ShtRela || type == ShtRel) relocationSections.Add(header);
        }
        if (verneed < 0 || versym < 0 || dynsym < 0)
            throw new InvalidDataException("no symbol version tables");
        var verneedStringTable = (long)U64(elf, shoff + (long)verneedStrings * shentsize + 0x18);
        var dynsymStringTable = (long)U64(elf, shoff + (long)dynsymStrings * shentsize + 0x18);

        // Find the GLIBCXX_3.4.32 requirement (an Elf64_Vernaux entry) and its version index.
        long flagsOffset = -1;
        var versionIndex = -1;
        var need = verneed;
        for (var n = 0; n < verneedCount; n++)
        {
            int auxCount = U16(elf, need + 2);
            var aux = need + U32(elf, need + 8);
            for (var a = 0; a < auxCount; a++)
            {
                if (CString(elf, verneedStringTable + U32(elf, aux + 8)) == MissingVersion)
                {
                    flagsOffset = aux + 4;
                    versionIndex = U16(elf, aux + 6);
                }
                aux += U32(elf, aux + 12);
            }
            need += U32(elf, need + 12);
        }
        if (flagsOffset < 0)
            return; // A build that does not ask for the version: nothing to do.

        // Every symbol bound to that version must be the one harmless reference, and no relocation may use it.
        var symbolCount = dynsymSize / 24;
        var targets = new List<long>();
        for (long s = 0; s < symbolCount; s++)
        {
            if ((U16(elf, versym + s * 2) & 0x7fff) != versionIndex)
                continue;
            var name = CString(elf, dynsymStringTable + U32(elf, dynsym + s * 24));
            if (name != OnlySymbol || U16(elf, dynsym + s * 24 + 6) != 0)
                throw new InvalidDataException("symbol " + name + " needs " + MissingVersion + "; not patching");
            targets.Add(s);
        }
        foreach (var header in relocationSections)
        {
            if (U32(elf, header + 0x28) != dynsymIndex)
                continue;
            var offset = (long)U64(elf, header + 0x18);
            var size = (long)U64(elf, header + 0x20);
            var entrySize = (long)U64(elf, header + 0x38);
            for (var r = offset; entrySize > 0 && r + entrySize <= offset + size; r += entrySize)
            {
                if (targets.Contains((long)(U64(elf, r + 8) >> 32)))
                    throw new InvalidDataException("a relocation uses " + OnlySymbol + "; not patching");
            }
        }

        var changed = false;
        if ((U16(elf, flagsOffset) & VerFlgWeak) == 0)
        {
            W16(elf, flagsOffset, (ushort)(U16(elf, flagsOffset) | VerFlgWeak));
            changed = true;
        }
        foreach (var s in targets)
        {
            W16(elf, versym + s * 2, 1); // VER_NDX_GLOBAL: unversioned.
            changed = true;
        }
        if (!changed)
            return; // Already patched: idempotent.

        // Write beside the file and move over it, so a hard link into the NuGet cache is replaced, never edited.
        var temporary = path + ".compat-" + Guid.NewGuid().ToString("N");
        File.WriteAllBytes(temporary, elf);
        File.SetLastWriteTimeUtc(temporary, File.GetLastWriteTimeUtc(path));
        File.Delete(path);
        File.Move(temporary, path);
        Log.LogMessage(MessageImportance.Normal, "LibTorchSharp compatibility step: " + MissingVersion + " made optional in " + path);
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i <= haystack.Length - needle.Length; i++)
        {
            var j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j]) j++;
            if (j == needle.Length) return i;
        }
        return -1;
    }

    private static string CString(byte[] b, long at)
    {
        var end = at;
        while (end < b.Length && b[end] != 0) end++;
        return Encoding.ASCII.GetString(b, (int)at, (int)(end - at));
    }

    private static ushort U16(byte[] b, long at) => (ushort)(b[at] | b[at + 1] << 8);
    private static uint U32(byte[] b, long at) => (uint)(U16(b, at) | U16(b, at + 2) << 16);
    private static ulong U64(byte[] b, long at) => U32(b, at) | (ulong)U32(b, at + 4) << 32;
    private static void W16(byte[] b, long at, ushort v) { b[at] = (byte)v; b[at + 1] = (byte)(v >> 8); }
}
