namespace Platform.Api.Endpoints.Posts;

/// <summary>The body of <c>POST /posts/{id}/feedback</c>: <c>{"helpful": true}</c> or <c>{"helpful": false}</c>.</summary>
public sealed record PostFeedbackRequest(bool? Helpful);
