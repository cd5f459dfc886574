using Bunit;
using BoDashboard.Web.Components.Pages;
using Microsoft.AspNetCore.Components;

namespace BoDashboard.Web.Tests;

/// <summary>Renders a page as it is once its circuit is connected: bunit has no renderer info of its own, and the New
/// study form keeps its Create button disabled until the page is interactive.</summary>
public static class InteractivePages
{
    public static IRenderedComponent<NewStudyPage> RenderNewStudyPage(this BunitContext ctx)
    {
        ctx.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return ctx.Render<NewStudyPage>();
    }
}
