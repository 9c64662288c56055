using System.Buffers.Binary;

namespace Disclosure.Ocr.Local;

/// <summary>
/// Does a baseline JPEG's scan data hold as many blocks as its frame header claims? Decoders (ImageSharp, libjpeg) fill a
/// frame whose data ends early with black or grey and say nothing, so a 1240×1754 scan whose header was edited to
/// 8000×8000 would be OCR'd as a page with made-up content. Every 8×8 block costs at least its shortest DC code plus its
/// end-of-block code, so the Huffman tables give a lower bound on the bits the frame needs; fewer bytes than that is a
/// header that lies. Only marker segments are parsed (no pixel decoding); progressive and arithmetic-coded JPEGs are not
/// checked (their scans share blocks), and a check that cannot be made says nothing.
/// </summary>
internal static class JpegScan
{
    private sealed record Component(int Id, int H, int V);

    public static string? Problem(ReadOnlySpan<byte> b)
    {
        var dcMin = new int[4];
        var acEob = new int[4];
        Component[]? frame = null;
        int width = 0, height = 0;
        long neededBits = 0, availableBits = 0;
        var i = 2;
        var ended = false;
        while (i + 4 <= b.Length)
        {
            if (b[i] != 0xFF)
            {
                return null; // Not at a marker: a layout this check does not know; say nothing.
            }

            var marker = b[i + 1];
            if (marker == 0xFF)
            {
                i++;
                continue;
            }

            if (marker == 0xD9)
            {
                ended = true;
                break;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                i += 2;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 2)..]);
            if (length < 2 || i + 2 + length > b.Length)
            {
                return $"JPEG segment FF{marker:X2} of {length} bytes runs past the end of the file";
            }

            var segment = b.Slice(i + 4, length - 2);
            switch (marker)
            {
                case 0xC4:
                    ReadHuffmanTables(segment, dcMin, acEob);
                    break;
                case 0xC0 or 0xC1:
                    if (segment.Length < 6)
                    {
                        return "JPEG frame header too short";
                    }

                    height = BinaryPrimitives.ReadUInt16BigEndian(segment[1..]);
                    width = BinaryPrimitives.ReadUInt16BigEndian(segment[3..]);
                    var count = segment[5];
                    if (segment.Length < 6 + 3 * count || count == 0)
                    {
                        return "JPEG frame header too short";
                    }

                    frame = new Component[count];
                    for (var c = 0; c < count; c++)
                    {
                        var s = segment[(6 + 3 * c)..];
                        frame[c] = new Component(s[0], Math.Max(1, s[1] >> 4), Math.Max(1, s[1] & 0xF));
                    }

                    break;
                case >= 0xC2 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC:
                    return null; // Progressive, lossless or arithmetic coding: not checked.
                case 0xDA:
                    if (frame is null || width == 0 || height == 0)
                    {
                        return null;
                    }

                    var (needed, ok) = ScanNeeds(segment, frame, width, height, dcMin, acEob);
                    if (!ok)
                    {
                        return null;
                    }

                    neededBits += needed;
                    var start = i + 2 + length;
                    var end = EntropyEnd(b, start, out var bytes);
                    availableBits += 8L * bytes;
                    if (end + 2 <= b.Length && b[end] == 0xFF && b[end + 1] == 0xD9)
                    {
                        ended = true;
                        i = end;
                        break;
                    }

                    i = end;
                    continue;
            }

            i += 2 + length;
        }

        if (frame is not null && neededBits > availableBits)
        {
            return $"JPEG header claims {width}×{height} pixels but its scan data holds at most {availableBits * 100 / Math.Max(1, neededBits)}% of them";
        }

        // Cut off before its end-of-image marker: an upload that broke off, decoded as a grey page below the cut.
        return frame is not null && neededBits > 0 && !ended ? "JPEG ends before its end-of-image marker (truncated file)" : null;
    }

    /// <summary>Shortest DC code and the end-of-block code length per table (0: table not defined).</summary>
    private static void ReadHuffmanTables(ReadOnlySpan<byte> s, int[] dcMin, int[] acEob)
    {
        var p = 0;
        while (p + 17 <= s.Length)
        {
            var tableClass = s[p] >> 4;
            var id = s[p] & 0x3;
            var counts = s.Slice(p + 1, 16);
            var total = 0;
            foreach (var n in counts)
            {
                total += n;
            }

            if (p + 17 + total > s.Length)
            {
                return;
            }

            var symbols = s.Slice(p + 17, total);
            var shortest = 0;
            var eob = 0;
            var k = 0;
            for (var len = 1; len <= 16; len++)
            {
                for (var n = 0; n < counts[len - 1]; n++, k++)
                {
                    shortest = shortest == 0 ? len : shortest;
                    if (symbols[k] == 0x00 && eob == 0)
                    {
                        eob = len;
                    }
                }
            }

            if (tableClass == 0)
            {
                dcMin[id] = shortest;
            }
            else
            {
                // A block ends with EOB, or covers all 63 AC positions, which takes at least four codes (a code covers 16 at most).
                acEob[id] = eob == 0 ? 4 * shortest : Math.Min(eob, 4 * shortest);
            }

            p += 17 + total;
        }
    }

    private static (long Bits, bool Ok) ScanNeeds(ReadOnlySpan<byte> s, Component[] frame, int width, int height, int[] dcMin, int[] acEob)
    {
        if (s.Length < 1)
        {
            return (0, false);
        }

        var count = s[0];
        if (s.Length < 1 + 2 * count || count == 0)
        {
            return (0, false);
        }

        var hMax = frame.Max(c => c.H);
        var vMax = frame.Max(c => c.V);
        long bits = 0;
        for (var c = 0; c < count; c++)
        {
            var id = s[1 + 2 * c];
            var tables = s[2 + 2 * c];
            var component = Array.Find(frame, f => f.Id == id);
            var dc = dcMin[(tables >> 4) & 0x3];
            var ac = acEob[tables & 0x3];
            if (component is null || dc == 0 || ac == 0)
            {
                return (0, false);
            }

            long blocks;
            if (count == 1)
            {
                // Non-interleaved: the component's own size in blocks.
                var cw = (width * (long)component.H + hMax - 1) / hMax;
                var ch = (height * (long)component.V + vMax - 1) / vMax;
                blocks = ((cw + 7) / 8) * ((ch + 7) / 8);
            }
            else
            {
                var mcus = ((width + 8L * hMax - 1) / (8L * hMax)) * ((height + 8L * vMax - 1) / (8L * vMax));
                blocks = mcus * component.H * component.V;
            }

            bits += blocks * (dc + ac);
        }

        return (bits, true);
    }

    /// <summary>Where the entropy-coded data after a scan header ends (the next marker other than RSTn), and its byte count.</summary>
    private static int EntropyEnd(ReadOnlySpan<byte> b, int start, out long bytes)
    {
        bytes = 0;
        var i = start;
        while (i < b.Length)
        {
            var next = b[i..].IndexOf((byte)0xFF);
            if (next < 0)
            {
                bytes += b.Length - i;
                return b.Length;
            }

            bytes += next;
            i += next;
            if (i + 1 >= b.Length)
            {
                return b.Length;
            }

            var m = b[i + 1];
            if (m == 0x00)
            {
                bytes++; // Stuffed FF00 is one data byte.
                i += 2;
            }
            else if (m is >= 0xD0 and <= 0xD7 or 0xFF)
            {
                i += m == 0xFF ? 1 : 2;
            }
            else
            {
                return i;
            }
        }

        return b.Length;
    }
}
