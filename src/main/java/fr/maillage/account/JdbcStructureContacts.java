package fr.maillage.account;

import java.util.List;

import fr.maillage.shared.security.Unscoped;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class JdbcStructureContacts implements StructureContacts {

	private final JdbcClient jdbc;

	private final Invitations invitations;

	private final String baseUrl;

	JdbcStructureContacts(JdbcClient jdbc, Invitations invitations, @Value("${maillage.base-url}") String baseUrl) {
		this.jdbc = jdbc;
		this.invitations = invitations;
		this.baseUrl = baseUrl;
	}

	@Override
	@Unscoped("background jobs write to a structure's people; nothing is shown")
	public List<Contact> peopleOf(long structureId) {
		return this.jdbc.sql("""
				select distinct u.email, u.display_name from role_assignment ra join app_user u on u.id = ra.user_id
				where ra.scope_kind = 'STRUCTURE' and ra.scope_code = ?
				  and ra.role in ('STRUCTURE_MANAGER', 'STRUCTURE_STAFF') and u.enabled
				order by u.email""").param(Long.toString(structureId)).query(Contact.class).list();
	}

	@Override
	@Unscoped("background jobs and the national campaign page count or write to structures' people")
	public java.util.Map<Long, List<Contact>> peopleByStructure() {
		java.util.Map<Long, List<Contact>> people = new java.util.HashMap<>();
		this.jdbc.sql("""
				select distinct ra.scope_code::bigint as structure_id, u.email, u.display_name
				from role_assignment ra join app_user u on u.id = ra.user_id
				where ra.scope_kind = 'STRUCTURE' and ra.role in ('STRUCTURE_MANAGER', 'STRUCTURE_STAFF') and u.enabled
				order by 1, 2""")
			.query((rs, row) -> people.computeIfAbsent(rs.getLong("structure_id"), id -> new java.util.ArrayList<>())
				.add(new Contact(rs.getString("email"), rs.getString("display_name"))))
			.list();
		return people;
	}

	@Override
	@Unscoped("background jobs write to a département's Caf advisors; nothing is shown")
	public List<Contact> advisorsOf(String departementCode) {
		return this.jdbc.sql("""
				select distinct u.email, u.display_name from role_assignment ra join app_user u on u.id = ra.user_id
				where ra.scope_kind = 'DEPARTEMENT' and ra.scope_code = ? and ra.role = 'CAF_ADVISOR' and u.enabled
				order by u.email""").param(departementCode).query(Contact.class).list();
	}

	@Override
	public String claimLink(long structureId, String email, String structureName) {
		return this.invitations.claimLink(structureId, email, structureName, this.baseUrl);
	}

}
