using Disclosure.Core.Layout;

namespace Disclosure.Tests;

public sealed class FormatDetectorTests
{
    [Theory]
    [InlineData("%PDF-1.7\n", SourceFormat.Pdf)]
    [InlineData("<!DOCTYPE html><html>", SourceFormat.Html)]
    [InlineData("一、总体情况\n", SourceFormat.Text)]
    public void Detects_format_from_content(string head, SourceFormat expected) =>
        Assert.Equal(expected, FormatDetector.Detect(System.Text.Encoding.UTF8.GetBytes(head)));
}
