namespace Disclosure.Review;

/// <summary>
/// The page's only stylesheet, inline. Marks are told apart by colour, by an icon and word in the cell, and by the border
/// style (solid, dashed, dotted, hatched), so they survive a black-and-white print. Fonts are the reader's own CJK fonts.
/// </summary>
internal static class ReviewStyles
{
    public const string Css = """
:root{--err:#b3261e;--err-bg:#fde7e6;--doubt:#8a5a00;--doubt-bg:#fff1c7;--warn:#7a4f00;--warn-bg:#fff8e1;--blank:#555;--blank-bg:#e9e9e9;--ink:#1d1d1d}
*{box-sizing:border-box}
body{font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;color:var(--ink);margin:0 auto;max-width:1200px;padding:16px 20px 48px;line-height:1.5;font-size:15px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid #333;padding-bottom:2px}h3{font-size:16px;margin:18px 0 6px}
a{color:#0b4f9c}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:8px 0}
.meta dt{font-weight:bold}.meta dd{margin:0;word-break:break-all}
.status{display:inline-block;padding:1px 8px;border:2px solid;font-weight:bold}
.status.failed,.status.error{color:var(--err);background:var(--err-bg)}.status.warning{color:var(--warn);background:var(--warn-bg)}.status.passed{color:#1b5e20;background:#e8f5e9}
.counts{display:flex;gap:10px;flex-wrap:wrap;margin:10px 0}
.count{border:2px solid #333;padding:4px 12px;min-width:110px}.count b{font-size:20px;display:block}
.count.err{border-color:var(--err)}.count.doubt{border-style:dashed;border-color:var(--doubt)}.count.warn{border-color:var(--warn)}
.legend{display:flex;gap:12px;flex-wrap:wrap;font-size:13px;margin:6px 0}
.legend span{padding:1px 6px}
ol.findings{padding-left:0;list-style:none;counter-reset:f}
li.finding{border:1px solid #999;border-left-width:8px;padding:8px 12px;margin:8px 0;counter-increment:f;break-inside:avoid}
li.finding:target{outline:3px solid #0b4f9c}
li.finding.sev-error{border-left-color:var(--err)}li.finding.sev-warning{border-left-color:var(--warn);border-left-style:double}li.finding.sev-info{border-left-color:#777;border-left-style:dotted}
li.finding.doubt{border-left-color:var(--doubt);border-left-style:dashed}
.ftitle{margin:0;font-weight:bold}.ftitle::before{content:counter(f) ". "}
.badge{display:inline-block;border:1px solid;padding:0 6px;margin-right:6px;font-weight:bold}
.sev-error .badge{color:var(--err);background:var(--err-bg)}.sev-warning .badge{color:var(--warn);background:var(--warn-bg)}.doubt .badge{color:var(--doubt);background:var(--doubt-bg)}
.msg{margin:4px 0}.sum{margin:4px 0;font-family:"Noto Sans Mono CJK SC",monospace;background:#f4f4f4;border:1px solid #ccc;padding:2px 8px;display:inline-block}
.detail{margin:4px 0;color:#444;font-size:14px}
ul.fcells{margin:4px 0;padding-left:20px;font-size:14px}
table.official{border-collapse:collapse;margin:8px 0;font-size:13px;width:100%}
table.official th,table.official td{border:1px solid #444;padding:3px 5px;vertical-align:middle}
table.official th{background:#f2f2f2;font-weight:normal;text-align:left}
table.official td{text-align:right;min-width:46px;position:relative;font-variant-numeric:tabular-nums}
td.c a.v{color:inherit;text-decoration:none;display:block;min-height:1.3em}
td.c a.v:focus{outline:3px solid #0b4f9c}
td.m-error{background:var(--err-bg);color:var(--err);border:3px solid var(--err);font-weight:bold}
td.m-doubtful{background:var(--doubt-bg);color:var(--doubt);border:3px dashed var(--doubt);font-weight:bold}
td.m-warning{background:var(--warn-bg);color:var(--warn);border:3px double var(--warn)}
td.m-blank{background:var(--blank-bg);color:var(--blank);border:2px dotted #555}
td.m-absent{background:repeating-linear-gradient(45deg,#fff 0 4px,#9a9a9a 4px 6px);color:#333;border:2px dashed #777}
.ico{font-size:11px;margin-right:3px}
.tip{display:none;position:absolute;z-index:5;right:0;top:100%;width:340px;background:#fff;color:var(--ink);border:2px solid #333;padding:6px 8px;text-align:left;font-weight:normal;font-size:13px;box-shadow:0 2px 8px rgba(0,0,0,.25)}
td.c:hover .tip,td.c:focus-within .tip{display:block}
.tip a{display:block}
.note{border:1px dashed #777;padding:6px 10px;background:#fafafa;margin:6px 0}
.crops{display:flex;flex-wrap:wrap;gap:10px;margin:6px 0 16px}
figure.crop{margin:0;border:1px solid #999;padding:4px;max-width:560px;break-inside:avoid}
figure.crop:target{outline:3px solid #0b4f9c}
figure.crop figcaption{font-size:12px}
.shot{position:relative;display:inline-block;line-height:0}.shot img{max-width:540px;height:auto;display:block}
.shot .box{position:absolute;border:3px solid var(--err);outline:2px dashed #000}
.nocrop{font-size:12px;color:#444}
table.narr{border-collapse:collapse;width:100%;font-size:14px}table.narr th,table.narr td{border:1px solid #999;padding:4px 6px;text-align:left;vertical-align:top}
.ok{color:#1b5e20;font-weight:bold}.bad{color:var(--err);font-weight:bold}
footer{margin-top:30px;font-size:12px;color:#555}
@media print{body{max-width:none;padding:0;font-size:12px}.tip{display:none!important}a{color:inherit}h2{break-after:avoid}table.official{break-inside:auto}}
""";
}
