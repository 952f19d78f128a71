namespace Platform.Domain.Common;

/// <summary>
/// Marks an entity that is deliberately not tenant-owned (the tenant catalog, the shared library).
/// Every entity in the model is one or the other; an architecture test enforces it.
/// </summary>
public interface ISharedEntity;
