namespace BoDashboard.Client;

/// <summary>One complaint of a validation problem (<c>400</c>) about one field of the request.</summary>
/// <param name="Field">The field as the server names it, a JSON path into the request body such as
/// <c>parameters[0].high</c>, <c>budget</c> or <c>sampler.initialPoints</c>; a form can put the message next to it.</param>
/// <param name="Message">What is wrong with it, in words meant for a person.</param>
public sealed record FieldError(string Field, string Message);
