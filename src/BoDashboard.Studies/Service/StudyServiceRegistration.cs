using Microsoft.Extensions.DependencyInjection;

namespace BoDashboard.Studies.Service;

public static class StudyServiceRegistration
{
    public static IServiceCollection AddStudyService(this IServiceCollection services)
    {
        services.AddSingleton<StudyService>();
        return services;
    }
}
