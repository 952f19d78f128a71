using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Accounts;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Domain.Library;
using Platform.Domain.Posts;

namespace Platform.Application.Library;

/// <summary>The fields a NetworkEditor sends for a library item: the same as a post's.</summary>
public interface ILibraryInput : IPostInput;
