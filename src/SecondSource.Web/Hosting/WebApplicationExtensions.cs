using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Hosting;

/// <summary>The request pipeline and the non-feature endpoints.</summary>
public static class WebApplicationExtensions
{
    public static WebApplication UseSecondSourcePipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler("/Error");
        app.UseWhen(c => WebPaths.IsApi(c.Request.Path), api => api.UseStatusCodePages());
        app.UseWhen(c => !WebPaths.IsApi(c.Request.Path), pages => pages.UseStatusCodePagesWithReExecute("/Error", "?statusCode={0}"));
        app.UseStaticFiles();
        app.UseRouting();
        // After routing: an endpoint may accept more than the default (its request size limit).
        app.UseMiddleware<RequestTooLargeMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>
    /// <c>/health/live</c>: the process answers. <c>/health/ready</c>: the database answers and its schema is
    /// current. Both anonymous (load balancers) and free of detail beyond the status.
    /// </summary>
    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// Unknown API paths answer a 404 problem to machines (and 401 to anyone without a key), instead of the
    /// people's sign-in redirect that the fallback policy would give.
    /// </summary>
    public static WebApplication MapApiNotFound(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapFallback(WebPaths.Api + "/{**path}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no such API endpoint"))
            .RequireAuthorization(Policies.Machine);
        return app;
    }

    /// <summary>The OpenAPI description of the machine API, for signed-in people and machines.</summary>
    public static WebApplication MapApiDescription(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(Policies.PersonOrMachine);
        return app;
    }
}
