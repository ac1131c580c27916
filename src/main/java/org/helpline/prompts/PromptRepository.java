package org.helpline.prompts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Operators' prompts in the table owned by Liquibase. */
@Repository
class PromptRepository {

	private final JdbcClient jdbc;

	PromptRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<OperatorPrompt> findAll() {
		return jdbc.sql("select * from operator_prompt order by prompt_key, language").query(this::row).list();
	}

	Optional<OperatorPrompt> find(Prompt prompt) {
		return jdbc.sql("select * from operator_prompt where prompt_key = ? and language = ?")
			.params(prompt.key(), prompt.language())
			.query(this::row)
			.optional();
	}

	void save(OperatorPrompt p) {
		int updated = jdbc.sql("""
				update operator_prompt set prompt_text = ?, audio_source = ?, audio_file = ?, updated_at = ?,
				  updated_by = ?
				where prompt_key = ? and language = ?""")
			.params(p.text(), p.source().name(), p.audioFile(), Timestamp.from(p.updatedAt()), p.updatedBy(),
					p.prompt().key(), p.prompt().language())
			.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into operator_prompt (prompt_key, language, prompt_text, audio_source, audio_file,
					  updated_at, updated_by)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(p.prompt().key(), p.prompt().language(), p.text(), p.source().name(), p.audioFile(),
						Timestamp.from(p.updatedAt()), p.updatedBy())
				.update();
		}
	}

	boolean delete(Prompt prompt) {
		return jdbc.sql("delete from operator_prompt where prompt_key = ? and language = ?")
			.params(prompt.key(), prompt.language())
			.update() == 1;
	}

	private OperatorPrompt row(ResultSet rs, int rowNum) throws SQLException {
		return new OperatorPrompt(new Prompt(rs.getString("language"), rs.getString("prompt_key")),
				rs.getString("prompt_text"), AudioSource.valueOf(rs.getString("audio_source")),
				rs.getString("audio_file"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
	}

}
