package io.ringbook.admin;

/**
 * What an admin bearer token stands for: a name, so that the audit log can say who
 * acted (the token itself is never written anywhere), and the role it grants.
 *
 * @param name 1-32 letters, digits, '.', '_' or '-', unique within a profile
 * @param role what the token may do
 */
public record AdminToken(String name, Role role) {
}
