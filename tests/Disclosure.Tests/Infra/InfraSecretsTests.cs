using System.Text.RegularExpressions;

namespace Disclosure.Tests.Infra;

/// <summary>No secret in any deployment file: Azure access goes through the managed identity, keys are disabled.</summary>
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
    public void Deployment_file_holds_no_secret(string relativePath)
    {
        var text = File.ReadAllText(Path.Combine(InfraFiles.Root, relativePath));
        foreach (var (pattern, what) in SecretPatterns)
        {
            var m = Regex.Match(text, pattern, RegexOptions.IgnoreCase);
            Assert.False(m.Success, $"{relativePath} contains {what}: '{m.Value}'");
        }
    }

    [Theory]
    [InlineData("AccountKey=abc;", true)]
    [InlineData("value: stg.listKeys().keys[0].value", true)]
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
        var found = 0;
        foreach (var file in InfraFiles.BicepFiles)
        {
            var text = InfraFiles.StripComments(File.ReadAllText(file));
            foreach (Match m in SecureParam().Matches(text))
            {
                found++;
                var def = m.Groups["default"];
                Assert.True(!def.Success || def.Value == "''", $"{Path.GetFileName(file)}: @secure() param {m.Groups["name"].Value} has a default value.");
            }
        }

        Assert.True(found > 0, "Expected the webhook URL to be a @secure() parameter of infra/main.bicep.");
    }

    [Theory]
    [InlineData("storage.bicep", "allowSharedKeyAccess: false")]
    [InlineData("storage.bicep", "allowBlobPublicAccess: false")]
    [InlineData("cosmos.bicep", "disableLocalAuth: true")]
    [InlineData("alerts-topic.bicep", "disableLocalAuth: true")]
    [InlineData("document-intelligence.bicep", "disableLocalAuth: true")]
    [InlineData("monitoring.bicep", "DisableLocalAuth: true")]
    public void Key_access_is_disabled(string module, string setting) =>
        Assert.Contains(setting, InfraFiles.StripComments(InfraFiles.Read("infra", "modules", module)));

    [Theory]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f4c5add4d8a", "Storage Blob Data Owner")]
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Storage Queue Data Contributor")]
    [InlineData("d5a91429-5739-47e2-a06b-3470a27159e7", "EventGrid Data Sender")]
    [InlineData("a97b65f3-24c7-4388-baec-2e87135dc908", "Cognitive Services User")]
    [InlineData("3913510d-42f4-4e42-8a64-420c390055eb", "Monitoring Metrics Publisher")]
    [InlineData("00000000-0000-0000-0000-000000000002", "Cosmos DB Built-in Data Contributor")]
    public void App_identity_gets_each_data_role(string roleId, string role) =>
        Assert.True(InfraFiles.AllBicep.Contains($"'{roleId}'", StringComparison.Ordinal), $"No assignment of {role} ({roleId}) under infra/.");

    [Fact]
    public void Identity_based_connections_name_the_user_assigned_identity()
    {
        var main = InfraFiles.StripComments(InfraFiles.Read("infra", "main.bicep"));
        Assert.Contains("ReportsStorage__credential: 'managedidentity'", main);
        Assert.Contains("ReportsStorage__clientId: identity.outputs.clientId", main);
        var app = InfraFiles.StripComments(InfraFiles.Read("infra", "modules", "function-app.bicep"));
        Assert.Contains("AzureWebJobsStorage__credential: 'managedidentity'", app);
        Assert.Contains("AzureWebJobsStorage__clientId: identityClientId", app);
        Assert.Contains("type: 'UserAssignedIdentity'", app);
        Assert.DoesNotContain("AzureWebJobsStorage:", app); // the connection-string form would need a key
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

    [GeneratedRegex(@"@secure\(\)[\s\S]*?^param\s+(?<name>\w+)\s+string(?:[ \t]*=[ \t]*(?<default>'[^'\n]*'))?", RegexOptions.Multiline)]
    private static partial Regex SecureParam();
}
