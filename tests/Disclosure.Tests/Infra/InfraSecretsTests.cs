using System.Text.RegularExpressions;

namespace Disclosure.Tests.Infra;

/// <summary>
/// No secret anywhere in the deployment: Azure access goes through the managed identity with the roles it needs, keys
/// are disabled, and no output carries a secret. Read from the compiled template, plus a scan of every deployment file.
/// </summary>
public sealed partial class InfraSecretsTests
{
    public static TheoryData<string> DeploymentFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(InfraFiles.InfraDir, "*", SearchOption.AllDirectories).Order())
        {
            data.Add(Path.GetRelativePath(InfraFiles.Root, f));
        }

        data.Add("azure.yaml");
        return data;
    }

    [Theory]
    [MemberData(nameof(DeploymentFiles))]
    public void Deployment_file_holds_no_secret(string relativePath) =>
        AssertNoSecret(relativePath, File.ReadAllText(Path.Combine(InfraFiles.Root, relativePath)));

    [Fact]
    public void Compiled_template_holds_no_secret() => AssertNoSecret("compiled infra/main.bicep", ArmTemplate.Text(Bicep.Main.Json));

    [Theory]
    [InlineData("AccountKey=abc;", true)]
    [InlineData("value: stg.listKeys().keys[0].value", true)]
    [InlineData("[listKeys(resourceId('Microsoft.Storage/storageAccounts', parameters('name')), '2023-05-01').keys[0].value]", true)]
    [InlineData("cosmos.listConnectionStrings()", true)]
    [InlineData("key: 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=='", true)]
    [InlineData("https://st.blob.core.windows.net/reports?sv=2022-11-02&sig=AbCdEf0123456789%2B", true)]
    [InlineData("Ocr__Engine: ocrEngine", false)]
    [InlineData("value: '${stg.properties.primaryEndpoints.blob}${deploymentContainerName}'", false)]
    public void Secret_patterns_catch_keys_but_not_references(string line, bool secret) =>
        Assert.Equal(secret, SecretPatterns.Any(p => Regex.IsMatch(line, p.Pattern, RegexOptions.IgnoreCase)));

    [Fact]
    public void Secure_parameters_have_no_default_value_but_empty()
    {
        var secure = Bicep.Main.All.SelectMany(t => t.Parameters.Select(p => (t.Name, p.Key, Param: p.Value!.AsObject())))
            .Where(p => ((string?)p.Param["type"])?.StartsWith("secure", StringComparison.OrdinalIgnoreCase) == true)
            .ToList();
        Assert.Contains(secure, p => p.Key == "alertsWebhookUrl"); // the one optional secret the deployment takes
        foreach (var (template, name, param) in secure)
        {
            Assert.True(param["defaultValue"] is null || (string?)param["defaultValue"] == "", $"{template}: @secure() param {name} has a default value.");
        }
    }

    [Theory]
    [InlineData("Microsoft.Storage/storageAccounts", "allowSharedKeyAccess", false)]
    [InlineData("Microsoft.Storage/storageAccounts", "allowBlobPublicAccess", false)]
    [InlineData("Microsoft.DocumentDB/databaseAccounts", "disableLocalAuth", true)]
    [InlineData("Microsoft.EventGrid/topics", "disableLocalAuth", true)]
    [InlineData("Microsoft.CognitiveServices/accounts", "disableLocalAuth", true)]
    [InlineData("Microsoft.Insights/components", "DisableLocalAuth", true)]
    public void Key_access_is_disabled(string type, string property, bool expected)
    {
        var created = Bicep.Main.ResourcesOfType(type).Where(r => r["existing"] is null).ToList();
        Assert.NotEmpty(created);
        Assert.All(created, r => Assert.Equal(expected, (bool?)r["properties"]?[property]));
    }

    [Theory]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f4c5add4d8a", "Storage Blob Data Owner", "Microsoft.Storage/storageAccounts")]
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Storage Queue Data Contributor", "Microsoft.Storage/storageAccounts")]
    [InlineData("d5a91429-5739-47e2-a06b-3470a27159e7", "EventGrid Data Sender", "Microsoft.EventGrid/topics")]
    [InlineData("a97b65f3-24c7-4388-baec-2e87135dc908", "Cognitive Services User", "Microsoft.CognitiveServices/accounts")]
    [InlineData("3913510d-42f4-4e42-8a64-420c390055eb", "Monitoring Metrics Publisher", "Microsoft.Insights/components")]
    public void App_identity_gets_each_role_on_the_resource_that_needs_it(string roleId, string role, string scopeType)
    {
        var rbac = Bicep.Main.Module("rbac");
        var assignments = rbac.Resources.Where(r => (string?)r["type"] == "Microsoft.Authorization/roleAssignments").ToList();
        var found = assignments.Where(a =>
                RoleOf(rbac, (string)a["properties"]!["roleDefinitionId"]!) == roleId
                && (string?)a["properties"]!["principalId"] == "[parameters('identityPrincipalId')]"
                && a["condition"] is null)
            .ToList();
        Assert.True(found.Count == 1, $"Expected one assignment of {role} ({roleId}) to the app identity, found {found.Count}.");
        var assignment = found[0];
        // Scoped to the one resource, never to the group or subscription.
        Assert.StartsWith($"[resourceId('{scopeType}', ", (string?)assignment["scope"]);
        Assert.Equal("ServicePrincipal", (string?)assignment["properties"]!["principalType"]);
        // ... and identityPrincipalId is the app's identity.
        Assert.Matches(@"'identity'\).*\.outputs\.principalId\.value\]$", (string?)rbac.PassedParameter("identityPrincipalId") ?? "");
    }

    [Fact]
    public void App_identity_gets_cosmos_data_contributor_on_the_account()
    {
        var cosmos = Bicep.Main.Module("cosmos");
        var assignment = Assert.Single(cosmos.Resources, r => (string?)r["type"] == "Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments");
        Assert.Equal("00000000-0000-0000-0000-000000000002", (string?)cosmos.Variables["dataContributorRoleId"]); // Cosmos DB Built-in Data Contributor
        Assert.Contains("variables('dataContributorRoleId')", (string?)assignment["properties"]!["roleDefinitionId"]);
        Assert.Equal("[resourceId('Microsoft.DocumentDB/databaseAccounts', parameters('name'))]", (string?)assignment["properties"]!["scope"]);
        Assert.Equal("[parameters('dataContributorPrincipalIds')[copyIndex()]]", (string?)assignment["properties"]!["principalId"]);
        // Main passes the app identity's principal id in both branches (with and without the deploying user).
        var passed = cosmos.PassedParameterText("dataContributorPrincipalIds");
        Assert.Equal(2, Regex.Matches(passed, @"'identity'\), '[0-9-]+'\)\.outputs\.principalId\.value").Count);
    }

    [Fact]
    public void Identity_based_connections_name_the_user_assigned_identity()
    {
        var settings = SettingsCoverageTests.AppSettings();
        Assert.Equal("managedidentity", settings["ReportsStorage__credential"]);
        Assert.Matches(@"'identity'\).*\.outputs\.clientId\.value\]$", settings["ReportsStorage__clientId"]);
        Assert.Equal("'managedidentity'", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("parameters('identityClientId')", settings["AzureWebJobsStorage__clientId"]);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys); // the connection-string form would need a key
        Assert.Matches(@"'identity'\).*\.outputs\.clientId\.value\]$", settings["AZURE_CLIENT_ID"]);
        var site = Assert.Single(Bicep.Main.Module("function-app").Resources, r => (string?)r["type"] == "Microsoft.Web/sites");
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        Assert.Equal("UserAssignedIdentity", (string?)site["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!["authentication"]!["type"]);
    }

    [Fact]
    public void No_output_carries_a_secret()
    {
        foreach (var template in Bicep.Main.All)
        {
            foreach (var (name, output) in template.Outputs)
            {
                var type = (string?)output!["type"] ?? "";
                var value = ArmTemplate.Text(output["value"]);
                Assert.False(type.StartsWith("secure", StringComparison.OrdinalIgnoreCase), $"{template.Name}: output {name} is {type}.");
                Assert.DoesNotMatch(new Regex(@"\blist\w*\(", RegexOptions.IgnoreCase), value);
                Assert.False(SecretName().IsMatch(name), $"{template.Name}: output {name} is named like a secret.");
                AssertNoSecret($"{template.Name} output {name}", value);
            }
        }

        // The azd environment gets the main outputs: endpoints and names only.
        Assert.Contains("COSMOS_ENDPOINT", Bicep.Main.Outputs.Select(o => o.Key));
        Assert.DoesNotContain(Bicep.Main.Outputs, o => o.Key.Contains("KEY", StringComparison.Ordinal));
    }

    [Fact]
    public void Local_settings_sample_holds_only_emulator_credentials()
    {
        var values = InfraFiles.LocalSettings();
        foreach (var (key, value) in values)
        {
            if (value.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Contains("AccountName=devstoreaccount1", value); // Azurite's published account
            }

            if (key.EndsWith("__Key", StringComparison.Ordinal) && value.Length > 0)
            {
                var section = key[..key.IndexOf("__", StringComparison.Ordinal)];
                Assert.True(values.TryGetValue(section + "__Endpoint", out var endpoint), $"{key} is set but {section}__Endpoint is missing.");
                Assert.True(Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.IsLoopback,
                    $"{key} is set in local.settings.sample.json but {section}__Endpoint ('{endpoint}') is not a local emulator.");
                // The Cosmos SDK decodes the key when the client is built: a malformed one stops the host at start.
                Assert.True(Convert.TryFromBase64String(value, new byte[value.Length], out _), $"{key} in local.settings.sample.json is not valid base64.");
            }
        }
    }

    private static string? RoleOf(ArmTemplate template, string roleDefinitionId)
    {
        var m = RoleVariable().Match(roleDefinitionId);
        return m.Success ? (string?)template.Variables["roles"]?[m.Groups[1].Value] : null;
    }

    private static void AssertNoSecret(string where, string text)
    {
        foreach (var (pattern, what) in SecretPatterns)
        {
            var m = Regex.Match(text, pattern, RegexOptions.IgnoreCase);
            Assert.False(m.Success, $"{where} contains {what}: '{m.Value}'");
        }
    }

    private static readonly (string Pattern, string What)[] SecretPatterns =
    [
        (@"AccountKey\s*=", "a storage account key"),
        (@"SharedAccessKey\s*=", "a shared access key"),
        (@"[?&]sig=[A-Za-z0-9%]{10,}", "a SAS signature"),
        (@"listKeys\s*\(", "a listKeys() call"),
        (@"listConnectionStrings\s*\(", "a listConnectionStrings() call"),
        (@"listAccountSas\s*\(|listServiceSas\s*\(", "a SAS generated at deployment"),
        (@"primaryMasterKey|primaryKey\b|key1\b", "a resource key reference"),
        (@"-----BEGIN [A-Z ]*PRIVATE KEY-----", "a private key"),
        (@"[A-Za-z0-9+/]{40,}={1,2}", "a base64 key"),
        (@"(password|secret)\s*[:=]\s*'[^']+'", "a literal password or secret"),
    ];

    [GeneratedRegex(@"variables\('roles'\)\.(\w+)")]
    private static partial Regex RoleVariable();

    [GeneratedRegex(@"key|secret|password|connection_?string|sas", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
