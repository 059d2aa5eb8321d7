using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Demo;
using SecondSource.Application.Persistence;

namespace SecondSource.Application.Parties;

/// <summary>Registers parties, people and API keys.</summary>
public static class PartiesServiceCollectionExtensions
{
    /// <summary>Returns the Identity builder so that the web host can add sign-in on top.</summary>
    public static IdentityBuilder AddParties(this IServiceCollection services)
    {
        services.AddScoped<AddUserHandler>();
        services.AddScoped<SetUserDisabledHandler>();
        services.AddScoped<ResetPasswordHandler>();
        services.AddScoped<ChangePasswordHandler>();
        services.AddScoped<CreateManufacturerHandler>();
        services.AddScoped<PartyQueries>();
        services.AddScoped<UserQueries>();
        services.AddScoped<CreateApiKeyHandler>();
        services.AddScoped<RevokeApiKeyHandler>();
        services.AddScoped<ApiKeyQueries>();
        services.AddScoped<AuthenticateApiKeyHandler>();
        services.AddScoped<IDemoSeeder, PartiesDemoSeeder>();
        return services.AddIdentityCore<UserAccount>(IdentityRules.Configure)
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddEntityFrameworkStores<SecondSourceDbContext>();
    }
}
