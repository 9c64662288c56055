namespace Disclosure.Corpus;

/// <summary>
/// The LibreOffice corpus: random consistent reports (every other one with a planted error) filled into the official
/// template in a variant each, exported by LibreOffice Writer as PDF and saved back as DOCX, and scanned at each
/// resolution asked (NAME.scan300.pdf, NAME.scan200.pdf), with NAME.expected.json and NAME.values.txt beside.
/// </summary>
public static class TemplateGenerator
{
    public static void Generate(string outDir, string templatePath, int count, int seed, IReadOnlyCollection<int> scanDpis, int first = 0)
    {
        Directory.CreateDirectory(outDir);
        var work = Path.Combine(Path.GetTempPath(), "corpus-template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var specs = new List<(ReportSpec Spec, TemplateVariant Variant)>();
            for (var i = first; i < first + count; i++)
            {
                // One generator per document, so that document i is the same whichever range is generated.
                var rng = new Random(unchecked(seed * 7919 + i));
                var variant = TemplateVariant.For(i, rng);
                var spec = ReportSpec.Random($"lo-{seed}-{i:D3}", rng);
                spec = variant.OldOtherRow ? spec.WithOldOtherRow() : spec;
                spec = variant.BlankCells > 0 ? spec.WithBlanks(rng, variant.BlankCells) : spec;
                spec = i % 2 == 1 ? spec.WithError(rng) : spec;
                specs.Add((spec with { Producer = "libreoffice", Variant = variant.Describe() }, variant));
            }

            var filled = new List<string>();
            foreach (var (spec, variant) in specs)
            {
                var values = new List<string>();
                var docx = Path.Combine(work, spec.Name + ".docx");
                TemplateFiller.Fill(templatePath, spec, variant, docx, values);
                filled.Add(docx);
                File.WriteAllText(Path.Combine(outDir, spec.Name + ".values.txt"), string.Join("\n", values) + "\n");
            }

            // The PDF as Writer exports it; the DOCX as Writer saves it (what an agency working in LibreOffice publishes).
            var pdfs = Converters.Soffice(filled, "pdf:writer_pdf_Export", outDir);
            Converters.Soffice(filled, "docx:MS Word 2007 XML", outDir);
            foreach (var ((spec, variant), pdf) in specs.Zip(pdfs))
            {
                var scans = new List<string>();
                if (variant.ControlCharTitle && !TemplateFiller.PlantControlCharacters(pdf))
                {
                    throw new InvalidOperationException($"{spec.Name}: the placeholder title was not found in the PDF");
                }

                if (variant.Borders == BorderStyle.Rectangles && PdfRuleRewriter.Rewrite(pdf) == 0)
                {
                    throw new InvalidOperationException($"{spec.Name}: no border line to redraw in the PDF");
                }

                var scanRng = new Random(spec.Name.Aggregate(17, (h, c) => unchecked(h * 31 + c)));
                foreach (var dpi in scanDpis)
                {
                    var defects = ScanDefects.For(dpi, scanRng);
                    Converters.PdfToScanPdf(pdf, Path.Combine(outDir, $"{spec.Name}.scan{dpi}.pdf"), defects, scanRng.Next());
                    scans.Add(defects.Describe());
                }

                var withScans = scans.Count == 0 ? spec : spec with { Variant = spec.Variant + "; scans: " + string.Join("; ", scans) };
                File.WriteAllText(Path.Combine(outDir, spec.Name + ".expected.json"), withScans.ExpectedJson());
                Console.WriteLine($"generated {spec.Name} ({spec.Template}, planted: {spec.Planted ?? "none"}; {spec.Variant})");
            }
        }
        finally
        {
            Directory.Delete(work, true);
        }
    }
}
