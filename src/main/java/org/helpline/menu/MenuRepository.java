package org.helpline.menu;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every version of each helpline's menu, as JSON; versions are never changed or removed. */
@Repository
class MenuRepository {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	MenuRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<MenuVersion> latest(long helplineId) {
		return jdbc.sql("select * from menu_version where helpline_id = ? order by version desc limit 1")
			.param(helplineId)
			.query(this::version)
			.optional();
	}

	Optional<MenuVersion> find(long helplineId, int version) {
		return jdbc.sql("select * from menu_version where helpline_id = ? and version = ?")
			.params(helplineId, version)
			.query(this::version)
			.optional();
	}

	/** Newest first. */
	List<MenuVersion> all(long helplineId) {
		return jdbc.sql("select * from menu_version where helpline_id = ? order by version desc")
			.param(helplineId)
			.query(this::version)
			.list();
	}

	/**
	 * Two operators saving at once both aim at the same version number; the primary key lets
	 * one win and the other fail instead of overwriting.
	 */
	MenuVersion insert(long helplineId, MenuVersion next) {
		jdbc.sql("""
				insert into menu_version (helpline_id, version, definition, created_at, created_by, restored_from)
				values (?, ?, ?, ?, ?, ?)""")
			// As a list: JdbcClient's params(Object...) is marked non-null, yet a default menu has no author.
			.params(Arrays.asList(helplineId, next.version(), json.writeValueAsString(next.menu()),
					Timestamp.from(Objects.requireNonNull(next.createdAt())), next.createdBy(), next.restoredFrom()))
			.update();
		return next;
	}

	private MenuVersion version(ResultSet rs, int row) throws SQLException {
		return new MenuVersion(rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
				rs.getString("created_by"), rs.getObject("restored_from", Integer.class),
				json.readValue(rs.getString("definition"), Menu.class));
	}

}
