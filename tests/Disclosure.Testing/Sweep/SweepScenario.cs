using Disclosure.Core.Contract;
using Disclosure.Pipeline.Processing;
using Disclosure.Sweep;

namespace Disclosure.Testing.Sweep;

/// <summary>
/// A deterministic synthetic registry with two years of report summaries and planted cases (missing, late,
/// unmatched, carry-over and in-force mismatches), for the integration test, the benchmark and demonstrations.
/// Every planted case is recorded, so a sweep can be checked to find exactly these and nothing else.
/// </summary>
public sealed record SweepScenario(
    int Year,
    IReadOnlyList<Agency> Registry,
    IReadOnlyList<StoredReportSummary> ThisYear,
    IReadOnlyList<StoredReportSummary> LastYear,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Planted,
    IReadOnlyList<string> PlantedUnmatched)
{
    /// <summary>Agencies whose section 一 copies their region's shared text (one text cluster per region), sorted.</summary>
    public IReadOnlyList<string> PlantedTextClusters { get; init; } = [];

    private static readonly string[] Cities =
        ["南京市", "无锡市", "徐州市", "常州市", "苏州市", "南通市", "连云港市", "淮安市", "盐城市", "扬州市", "镇江市", "泰州市", "宿迁市"];

    private static readonly string[] Departments =
    [
        "发展和改革委员会", "教育局", "科学技术局", "工业和信息化局", "公安局", "民政局", "司法局", "财政局", "人力资源和社会保障局",
        "自然资源和规划局", "生态环境局", "住房和城乡建设局", "交通运输局", "水务局", "农业农村局", "商务局", "文化广电和旅游局",
        "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局", "市场监督管理局", "体育局", "统计局", "医疗保障局", "信访局",
        "城市管理局", "数据局",
    ];

    private static readonly string[] DistrictChars = ["东", "西", "南", "北", "中", "新", "安", "平", "江", "河", "山", "湖", "阳", "泉", "丰", "宁", "华", "兴", "康", "庆"];

    /// <summary>Generates about <paramref name="agencies"/> agencies (rounded up to whole districts) and their reports.</summary>
    public static SweepScenario Generate(int agencies, int year = 2023, int seed = 20240401)
    {
        var random = new Random(seed);
        var registry = BuildRegistry(agencies);
        var planted = SweepCalculator.SweepCodes.ToDictionary(c => c, _ => new List<string>());
        var unmatched = new List<string>();
        var thisYear = new List<StoredReportSummary>(registry.Count + 16);
        var lastYear = new List<StoredReportSummary>(registry.Count + 16);
        var clustered = new List<string>();

        for (var i = 0; i < registry.Count; i++)
        {
            var agency = registry[i];

            // Planting by index keeps cases spread over regions and levels, and never overlapping unintentionally.
            var missing = i % 37 == 5;
            var late = i % 41 == 7;
            var carryover = i % 43 == 11;
            var inForce = i % 47 == 13;
            var noLastYear = i % 53 == 17;
            var lastYearLate = i % 59 == 19; // last year's lateness is not this year's finding

            var last = noLastYear ? null : Report(random, agency, year - 1, i, lastYearLate, previous: null, breakCarryover: false, breakInForce: false);
            if (last is not null)
            {
                lastYear.Add(last);
            }

            if (missing)
            {
                planted[FindingCodes.MissingReport].Add(agency.Id);
                continue;
            }

            var current = Report(random, agency, year, i, late, last, carryover && last is not null, inForce && last is not null);
            var copied = i % 61 == 29;
            current = current with { Narrative = ScenarioNarrative.For(random, agency, year, copied) };
            thisYear.Add(current);
            if (copied)
            {
                clustered.Add(agency.Id);
            }

            if (late)
            {
                planted[FindingCodes.LateReport].Add(agency.Id);
            }

            if (carryover && last is not null)
            {
                planted[FindingCodes.CarryoverMismatch].Add(agency.Id);
            }

            if (inForce && last is not null)
            {
                planted[FindingCodes.InForceMismatch].Add(agency.Id);
            }
        }

        // Reports no registry entry claims: an agency outside the registry, an unreadable name, a bad path id.
        var strays = new (string Blob, string? Name)[]
        {
            ($"uploads/{year}/外省某市教育局年报.pdf", "浙江省杭州市教育局"),
            ($"uploads/{year}/scan-0001.pdf", null),
            ($"{year}/no-such-agency/report.docx", "某某开发区筹备组"),
            ($"uploads/{year}/ambiguous.pdf", "教育局"),
        };
        foreach (var (blob, name) in strays)
        {
            thisYear.Add(new StoredReportSummary
            {
                Id = DocumentKeys.DocKey(blob),
                BlobName = blob,
                Agency = name,
                Year = year,
                PublishedAt = new DateTimeOffset(year + 1, 1, 10, 9, 0, 0, DeadlinePolicy.ChinaOffset),
                Status = name is null ? ResultStatus.Failed : ResultStatus.Passed,
            });
            unmatched.Add(blob);
        }

        unmatched.Sort(StringComparer.Ordinal);
        return new SweepScenario(
            year,
            registry,
            thisYear,
            lastYear,
            planted.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value.Order(StringComparer.Ordinal).ToList()),
            unmatched)
        {
            PlantedTextClusters = clustered.Order(StringComparer.Ordinal).ToList(),
        };
    }

    private static List<Agency> BuildRegistry(int target)
    {
        var registry = new List<Agency>(target + Departments.Length + 1);
        var province = "江苏省";

        // City level first (government + departments), then districts round-robin over the cities.
        for (var c = 0; c < Cities.Length && registry.Count < target; c++)
        {
            AddUnit(registry, $"c{c:D2}", province + Cities[c], Cities[c], parent: null);
        }

        for (var d = 0; registry.Count < target; d++)
        {
            var c = d % Cities.Length;
            var n = d / Cities.Length;
            var district = DistrictChars[n % DistrictChars.Length] + DistrictChars[(n / DistrictChars.Length + c + 1) % DistrictChars.Length] + (n % 3 == 2 ? "县" : "区");
            AddUnit(registry, $"c{c:D2}d{n:D3}", province + Cities[c], Cities[c] + district, parent: $"c{c:D2}-gov");
        }

        return registry;
    }

    private static void AddUnit(List<Agency> registry, string prefix, string region, string locality, string? parent)
    {
        var gov = $"{prefix}-gov";
        registry.Add(new Agency(gov, $"{locality}人民政府", [$"{locality}政府"], region, AgencyLevel.Government, parent));
        for (var k = 0; k < Departments.Length; k++)
        {
            registry.Add(new Agency($"{prefix}-{k:D2}", $"{locality}{Departments[k]}", [], region, AgencyLevel.Department, gov));
        }
    }

    private static StoredReportSummary Report(Random random, Agency agency, int year, int index, bool late, StoredReportSummary? previous, bool breakCarryover, bool breakInForce)
    {
        var cells = new Dictionary<string, decimal?>(256);
        foreach (var column in CanonicalKeys.Table3Columns.Where(c => c != "total"))
        {
            var carried = previous?.Cells.GetValueOrDefault($"t3.carried_forward.{column}") ?? random.Next(0, 3);
            var received = random.Next(0, 40);
            var outcomes = CanonicalKeys.Table3Outcomes2021.ToDictionary(o => o, _ => 0m);
            var handled = received + (int)carried - random.Next(0, 2);
            handled = Math.Max(0, handled);
            outcomes["granted"] = handled / 2;
            outcomes["partially_granted"] = handled / 6;
            outcomes["denied_third_party"] = handled / 10;
            outcomes["unable_not_held"] = handled / 8;
            outcomes["rejected_duplicate"] = handled / 12;
            outcomes["other_other"] = handled - outcomes.Values.Sum();
            cells[$"t3.new_received.{column}"] = received;
            cells[$"t3.carried_over.{column}"] = carried;
            foreach (var (row, v) in outcomes)
            {
                cells[$"t3.{row}.{column}"] = v;
            }

            cells[$"t3.results_total.{column}"] = handled;
            cells[$"t3.carried_forward.{column}"] = received + carried - handled;
        }

        foreach (var row in CanonicalKeys.Table3Rows(TemplateVersion.V2021))
        {
            cells[$"t3.{row}.total"] = CanonicalKeys.Table3Parts.Sum(c => cells[$"t3.{row}.{c}"] ?? 0);
        }

        if (breakCarryover)
        {
            // The agency re-counted last year's pending applications: natural persons and the total move together.
            cells["t3.carried_over.natural"] = cells["t3.carried_over.natural"] + 2;
            cells["t3.carried_over.total"] = cells["t3.carried_over.total"] + 2;
        }

        foreach (var row in new[] { "regulations", "normative_docs" })
        {
            var issued = random.Next(0, 6);
            var repealed = random.Next(0, 3);
            var before = previous?.Cells.GetValueOrDefault($"t2.{row}.in_force") ?? random.Next(10, 60);
            cells[$"t2.{row}.issued"] = issued;
            cells[$"t2.{row}.repealed"] = repealed;
            cells[$"t2.{row}.in_force"] = before + issued - repealed + (breakInForce && row == "normative_docs" ? 3 : 0);
        }

        foreach (var key in CanonicalKeys.Table4Keys())
        {
            cells[key] = 0;
        }

        var deadline = DeadlinePolicy.Default.DeadlineFor(agency.Level, year);
        var day = late ? deadline.AddDays(1 + (index % 20)) : deadline.AddDays(-(index % 25));
        var published = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), DeadlinePolicy.ChinaOffset);

        // Names as reports print them: the registry name, a provincial prefix, full-width spacing, or the path convention.
        var (blob, name) = (index % 4) switch
        {
            0 => ($"{year}/{agency.Id}/{year}年度政府信息公开工作年度报告.pdf", (string?)null),
            1 => ($"uploads/{year}/{agency.Id}.html", "江苏省" + agency.Name),
            2 => ($"uploads/{year}/{agency.Id}.docx", agency.Name.Replace("人民政府", "　人民政府办公室", StringComparison.Ordinal)),
            _ => ($"uploads/{year}/{agency.Id}.txt", agency.Name),
        };

        var findings = new List<Finding>();
        if (index % 29 == 3)
        {
            findings.Add(new Finding(FindingCodes.T3Balance, Severity.Error, "表三第（七）项总计与结转之和不等于收到申请数", ["t3.results_total.total"], 1, 0));
        }

        if (index % 31 == 4 && year >= 2021)
        {
            findings.Add(new Finding(FindingCodes.TemplateOutdated, Severity.Warning, "2021年及以后的报告仍使用2019年格式", []));
        }

        return new StoredReportSummary
        {
            Id = DocumentKeys.DocKey(blob),
            BlobName = blob,
            Agency = name,
            Year = year,
            Template = "2021",
            Status = findings.Count == 0 ? ResultStatus.Passed : ResultStatus.Findings,
            Cells = cells,
            Findings = findings,
            PublishedAt = published,
        };
    }
}
