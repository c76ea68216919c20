/**
 * Workflows as MCP tools (spec 11.2): {@link dev.maml.server.mcp.workflows.WorkflowCatalog} turns
 * each trusted, permitted, lint-clean document of {@code --workflows DIR} into a tool
 * {@code workflow_<stem>} and a {@code file://} resource, keeps a server's list in step with the
 * directory, and says why each other document is left out
 * ({@link dev.maml.server.mcp.workflows.Unlisted}).
 * <p>
 * Wiring, for the server factory: stdio — build the server with {@code tools(true)} and
 * {@code resources(false, true)} capabilities, then {@code catalog.attach(server, asIdentity)}.
 * HTTP — put the authenticated {@code dev.maml.run.Identity} in the transport context under
 * {@link dev.maml.server.mcp.workflows.WorkflowCatalog#IDENTITY_KEY}, register
 * {@code catalog.toolFilter()} with the builder's {@code addToolFilter}, then
 * {@code catalog.attach(server, null)}. Close the catalog before or with the server.
 */
package dev.maml.server.mcp.workflows;
