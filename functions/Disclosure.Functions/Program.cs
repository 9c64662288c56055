using Disclosure.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// No HTTP triggers, so no ConfigureFunctionsWebApplication (ASP.NET Core integration): CreateBuilder already applies
// the worker defaults (FunctionsApplication.CreateBuilder, Microsoft.Azure.Functions.Worker 2.x).
var builder = FunctionsApplication.CreateBuilder(args);
builder.AddDisclosureFunctions();
builder.Build().Run();
