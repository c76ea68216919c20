/**
 * The servers: {@code maml serve} (HTTP, spec 11.1) and {@code maml mcp} (Model Context Protocol,
 * spec 11.2), thin adapters over the core API ({@code dev.maml.toolchain}) and the run pipeline.
 */
package dev.maml.server;
