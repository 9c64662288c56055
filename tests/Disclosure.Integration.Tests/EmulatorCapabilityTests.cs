using System.Net;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Disclosure.Integration.Tests.Infrastructure;
using Disclosure.Pipeline.Configuration;
using Disclosure.Pipeline.Cosmos;
using Disclosure.Pipeline.Storage;
using Microsoft.Azure.Cosmos;

namespace Disclosure.Integration.Tests;

/// <summary>The Cosmos and Blob operations the pipeline relies on, checked against the real emulators.</summary>
[Collection(EmulatorFixture.Collection)]
public sealed class EmulatorCapabilityTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task Cosmos_emulator_supports_the_operations_the_stores_use()
    {
        var config = emulators.Configuration("caps", "caps");
        using var client = CosmosClientFactory.Create(CosmosSettings.From(config));
        var bootstrap = new CosmosBootstrap(client, "caps");
        await bootstrap.EnsureCreatedAsync();
        await bootstrap.EnsureCreatedAsync(); // idempotent
        var c = bootstrap.Container(CosmosContainers.Results);

        var doc = new JsonObject { ["id"] = "a1", ["pk"] = "2023", ["type"] = "result", ["n"] = 7730.28m, ["name"] = "淮安市" };
        await c.UpsertItemAsync(doc, new PartitionKey("2023"));
        await c.UpsertItemAsync(new JsonObject { ["id"] = "a2", ["pk"] = "2023", ["type"] = "other" }, new PartitionKey("2023"));
        await c.UpsertItemAsync(new JsonObject { ["id"] = "a3", ["pk"] = "2022", ["type"] = "result" }, new PartitionKey("2022"));

        var read = await c.ReadItemAsync<JsonObject>("a1", new PartitionKey("2023"));
        Assert.Equal("淮安市", (string?)read.Resource["name"]);
        Assert.Equal(7730.28m, (decimal?)read.Resource["n"]);
        Assert.False(string.IsNullOrEmpty(read.ETag));

        // Replace with a stale ETag fails, with the current one succeeds.
        doc["n"] = 1;
        var replaced = await c.ReplaceItemAsync(doc, "a1", new PartitionKey("2023"), new ItemRequestOptions { IfMatchEtag = read.ETag });
        var stale = await Assert.ThrowsAsync<CosmosException>(() =>
            c.ReplaceItemAsync(doc, "a1", new PartitionKey("2023"), new ItemRequestOptions { IfMatchEtag = read.ETag }));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.NotEqual(read.ETag, replaced.ETag);

        // Create of an existing id conflicts (alerts rely on it).
        var conflict = await Assert.ThrowsAsync<CosmosException>(() => c.CreateItemAsync(doc, new PartitionKey("2023")));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);

        // Patch.
        await c.PatchItemAsync<JsonObject>("a1", new PartitionKey("2023"), [PatchOperation.Set("/status", "acknowledged")]);
        var patched = await c.ReadItemAsync<JsonObject>("a1", new PartitionKey("2023"));
        Assert.Equal("acknowledged", (string?)patched.Resource["status"]);

        // Single-partition query with the options the emulator needs, filtering on pk in WHERE as well.
        var rows = await CosmosQueries.QueryPartitionAsync<JsonObject>(c, "2023",
            new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.type = @t").WithParameter("@pk", "2023").WithParameter("@t", "result"));
        Assert.Equal(new[] { "a1" }, rows.Select(r => (string)r["id"]!).ToArray());

        // Missing point read is a 404, and delete works.
        // (The emulator answers a missing point read with 500, not 404; ReadOrNullAsync covers both.)
        Assert.Null(await CosmosQueries.ReadOrNullAsync<JsonObject>(c, "nope", "2023"));
        Assert.NotNull(await CosmosQueries.ReadOrNullAsync<JsonObject>(c, "a1", "2023"));
        await c.DeleteItemAsync<JsonObject>("a2", new PartitionKey("2023"));
        Assert.Null(await CosmosQueries.ReadOrNullAsync<JsonObject>(c, "a2", "2023"));
    }

    [Fact]
    public async Task Azurite_accepts_the_pinned_service_version_with_both_connection_string_forms()
    {
        var full = new BlobServiceClient(emulators.StorageConnectionString, BlobClientFactory.Options());
        var container = full.GetBlobContainerClient("caps");
        await container.CreateIfNotExistsAsync();
        await container.UploadBlobAsync("x/../a b.txt", BinaryData.FromString("hello"));
        var props = await container.GetBlobClient("x/../a b.txt").GetPropertiesAsync();
        Assert.Equal(5, props.Value.ContentLength);

        // UseDevelopmentStorage=true targets the default ports; only check the client accepts the form and the version.
        var dev = BlobClientFactory.CreateService(emulators.Configuration("caps", "caps", new Dictionary<string, string?> { ["ReportsStorage"] = "UseDevelopmentStorage=true" }));
        Assert.Equal("devstoreaccount1", dev.AccountName);
        Assert.Equal(10000, dev.Uri.Port);
    }
}
