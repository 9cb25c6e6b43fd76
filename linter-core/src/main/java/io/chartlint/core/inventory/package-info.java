/**
 * Reading a cluster's node inventory: files of Node manifests, as {@code kubectl get nodes -o yaml}
 * prints them, into the scheduling model's {@link io.chartlint.core.scheduling.InventoryNode}s.
 *
 * <p>A real cluster's nodes file is mostly what the scheduler never reads: each Node lists the
 * images it has pulled, its conditions, addresses and system information, about 15 KB of YAML per
 * node. So the file is read as a stream of YAML events, and only the fields placement and resource
 * fit look at are composed into a tree ({@link NodeFields}); the rest is skipped unread. A file of
 * thousands of nodes then costs little memory, and no limit meant for a single manifest applies to
 * it. {@link NodeFile#read} is the entry point.
 */
package io.chartlint.core.inventory;
