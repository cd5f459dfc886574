using BoDashboard.Optimization.Space;
using BoDashboard.Studies.Definition;
using BoDashboard.Studies.Service;

namespace BoDashboard.Web.Api;

/// <summary>Maps the study service's exceptions to problem details: 400 for invalid input, 404 for an unknown study or
/// trial, 409 for an operation the study's state does not allow.</summary>
public sealed class StudyErrorsFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (StudyValidationException e)
        {
            return ApiProblems.Validation(e.Errors);
        }
        catch (SearchSpaceException e)
        {
            return ApiProblems.Validation(e.Errors);
        }
        catch (StudyOperationException e)
        {
            return ApiProblems.From(e);
        }
    }
}
