using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using SecondSource.Application;
using SecondSource.Application.Parties;
using SecondSource.Application.Persistence;
using SecondSource.Web.Api;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Hosting;

/// <summary>The web host's services, in the order Program.cs reads them.</summary>
public static class WebServiceCollectionExtensions
{
    public static WebApplicationBuilder AddSecondSourceWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        // Listen on loopback:5080 unless the standard sources (--urls, ASPNETCORE_URLS, Kestrel:Endpoints) say otherwise.
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls("http://127.0.0.1:5080");
        }

        var maxBody = builder.Configuration.GetValue<long?>("Limits:MaxRequestBodyBytes") ?? 10 * 1024 * 1024;
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = maxBody;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = maxBody;
            o.ValueCountLimit = 2048;
        });

        services.AddSingleton(new RequestBodyLimit(maxBody));
        services.AddSingleton<BomLimits>();
        services.AddHttpContextAccessor();
        services.AddScoped<HttpPartyContext>();
        services.AddScoped<IPartyContext>(sp => sp.GetRequiredService<HttpPartyContext>());
        services.AddSecondSourceFeatures();
        services.AddSingleton<Printing.ChromiumPdf>();
        services.AddSingleton<ReadModelCache>();
        services.AddSingleton<AccessLogVerdicts>();
        services.AddScoped<ScopedReadModel>();
        services.AddScoped<Pages.Parts.PartReadModel>();
        services.AddScoped<Pages.Admin.AdminReadModel>();
        services.AddScoped<Pages.Programs.ProgramReadModel>();
        services.AddCertificateRateLimit();
        services.AddRequestRateLimits();
        services.AddReverseProxySupport();
        services.AddParties()
            .AddSignInManager<SecondSourceSignInManager>()
            .AddClaimsPrincipalFactory<SecondSourceClaimsFactory>();

        // Cookies are Secure whenever the request is HTTPS — directly, or as a known proxy says (X-Forwarded-Proto, see
        // AddReverseProxySupport); Security:SecureCookies = Always forces the flag on the session and notice cookies
        // where every client must use HTTPS. The antiforgery cookie stays as the request is: ASP.NET Core refuses to
        // issue a Secure one on a plain-HTTP request, and it holds no credential (only the token a form must echo).
        var secure = SecureCookiePolicy(builder.Configuration);
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = secure);
        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "SecondSource.Session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = secure;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = PrincipalValidator.ValidateAsync;
        });
        Policies.Configure(services.AddAuthorizationBuilder());
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "SecondSource.Antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        // Keys that protect cookies, antiforgery tokens and download links live in the database, so every instance
        // shares them and sessions survive a restart.
        services.AddSingleton<DatabaseKeyRing>();
        services.AddDataProtection().SetApplicationName("SecondSource");
        // Their secrets are sealed with the installation's key-encryption key first (KeyRingEncryptor), so the rows and
        // every backup hold no usable key.
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
        {
            var ring = sp.GetRequiredService<DatabaseKeyRing>();
            o.XmlRepository = ring;
            o.XmlEncryptor = new KeyRingEncryptor(sp.GetRequiredService<Application.Provisioning.ProvisioningOptions>(), ring.SealedCount);
        }));
        services.AddHostedService<ScheduledWorkService>();

        // Names such as "Gdańsk" or "深圳" are written as they are, not as numeric character references.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Admin", Policies.BuyerAdmin);
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Error");
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi(Api.ApiDescription.Configure);
        services.AddHealthChecks().AddCheck<MigrationsHealthCheck>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary><c>Security:SecureCookies</c>: <c>SameAsRequest</c> (the default) or <c>Always</c>.</summary>
    public static CookieSecurePolicy SecureCookiePolicy(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration["Security:SecureCookies"] switch
        {
            null or "" or "SameAsRequest" => CookieSecurePolicy.SameAsRequest,
            "Always" => CookieSecurePolicy.Always,
            var other => throw new DatabaseConfigurationException($"Security:SecureCookies is '{other}'; use SameAsRequest (Secure on HTTPS requests, the default) or Always."),
        };
    }
}
