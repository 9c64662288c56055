namespace Disclosure.Testing;

/// <summary>
/// The repository root (the folder with Serverless.sln, found upward from the running binary) and the shared data beside
/// it. For tests, benchmarks and the corpus tools only: shipped code never looks for the solution.
/// </summary>
public static class RepoPaths
{
    private static readonly Lazy<string?> Found = new(() => Find(AppContext.BaseDirectory));

    /// <summary>The root; throws when the binary does not run inside a checkout.</summary>
    public static string Root => Found.Value ?? throw new InvalidOperationException("Serverless.sln not found above " + AppContext.BaseDirectory);

    /// <summary>The root, or null when the binary does not run inside a checkout.</summary>
    public static string? TryRoot => Found.Value;

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Seeds => Path.Combine(Shared, "seeds");

    public static string Gold => Path.Combine(Shared, "gold");

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds Serverless.sln, or null.</summary>
    public static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
