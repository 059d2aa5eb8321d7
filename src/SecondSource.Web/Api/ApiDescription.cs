using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Api;

/// <summary>
/// What the OpenAPI document (<c>/openapi/v1.json</c>) says beyond the endpoints' shapes, so that a client generated
/// from it works: the API-key scheme (header <c>X-Api-Key</c>) required by every operation that is not anonymous,
/// and every error an operation answers as RFC 9457 problem details — 401 and 429 for all keyed operations, 403 for
/// the buyer's-key-only ones, and what each endpoint declares with <see cref="ProducesProblems{TBuilder}"/>.
/// Linted with <c>@redocly/cli lint</c> (0 errors) by OpenApiDocumentTests.
/// </summary>
public static class ApiDescription
{
    public const string ApiKeyScheme = "ApiKey";

    /// <summary>Declares the error statuses an endpoint answers, each as application/problem+json.</summary>
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statusCodes) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(statusCodes);
        foreach (var status in statusCodes)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
        }

        return builder;
    }

    public static void Configure(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "SecondSource API",
                Version = "v1",
                Description = "Machine access to a second-source manufacturing program: stations, PLM and ERP. Every call names an API key in the "
                    + "X-Api-Key header (created by a buyer admin: 'secondsource apikey create'); a manufacturer's key sees only its own lines' data. "
                    + "Errors are RFC 9457 problem details.",
                License = new OpenApiLicense { Name = "Proprietary: the deployment's terms of use", Identifier = "LicenseRef-SecondSource-Terms" },
            };
            // The server as the client reached it, without the trailing slash the generator leaves.
            foreach (var server in document.Servers ?? [])
            {
                server.Url = server.Url?.TrimEnd('/') is { Length: > 0 } url ? url : "/";
            }

            document.Tags = new HashSet<OpenApiTag>
            {
                new() { Name = "Identity", Description = "The API key in use and the party it acts for." },
                new() { Name = "BOM revisions", Description = "A product's BOM revisions: list, compare, release and delete drafts." },
                new() { Name = "Vault", Description = "The transfer package: what a key's lines may fetch, downloads (logged) and the buyer's uploads." },
                new() { Name = "Test data", Description = "Test results from the lines' stations: long CSV or IPC-CFX UnitsTested." },
                new() { Name = "Provisioning", Description = "Device certificates for a line's stations, the device CA and its CRL, signed firmware releases." },
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.HeaderName,
                Description = "An API key ('ssk_…'), shown once when it is created. Never in the query string.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security = [];
                return Task.CompletedTask;
            }

            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] }];
            operation.Responses ??= new OpenApiResponses();
            AddProblem(operation, context, "401", "No valid API key: missing, malformed, revoked or expired.");
            if (metadata.OfType<IAuthorizeData>().Any(a => a.Policy == Policies.BuyerMachine))
            {
                AddProblem(operation, context, "403", "The key is not the buyer's: only the buyer may do this.");
            }

            AddProblem(operation, context, "429", "Too many requests for this key; retry after the Retry-After header's seconds.");
            return Task.CompletedTask;
        });
    }

    private static void AddProblem(OpenApiOperation operation, OpenApiOperationTransformerContext context, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(nameof(ProblemDetails), context.Document) },
            },
        };
    }
}
