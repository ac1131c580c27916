package org.helpline.prompts;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** WAV files made and read with the JDK alone, so tests don't trust sox to check sox. */
public final class TestAudio {

	private TestAudio() {
	}

	/** A 440 Hz tone as a CD-quality stereo WAV, the kind an operator records on a laptop. */
	public static byte[] cdStereoWav(double seconds) {
		return toneWav(seconds, 44_100, 2);
	}

	/** A 440 Hz tone, 16-bit, at any rate and number of channels. */
	public static byte[] toneWav(double seconds, int rate, int channels) {
		AudioFormat format = new AudioFormat(rate, 16, channels, true, false);
		int frames = (int) (seconds * rate);
		byte[] pcm = new byte[frames * 2 * channels];
		for (int i = 0; i < frames; i++) {
			short sample = (short) (Math.sin(2 * Math.PI * 440 * i / rate) * 8000);
			for (int channel = 0; channel < channels; channel++) {
				pcm[(i * channels + channel) * 2] = (byte) sample;
				pcm[(i * channels + channel) * 2 + 1] = (byte) (sample >> 8);
			}
		}
		ByteArrayOutputStream wav = new ByteArrayOutputStream();
		try {
			AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), format, frames),
					AudioFileFormat.Type.WAVE, wav);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return wav.toByteArray();
	}

	/** The file format as the JDK reads it from the header. */
	public static AudioFileFormat formatOf(byte[] wav) {
		try {
			return AudioSystem.getAudioFileFormat(new ByteArrayInputStream(wav));
		}
		catch (IOException | UnsupportedAudioFileException ex) {
			throw new AssertionError("not a WAV the JDK can read", ex);
		}
	}

	/** True for 8 kHz mono 16-bit signed PCM in a WAV file: what Asterisk plays without converting. */
	public static boolean isTelephoneWav(byte[] wav) {
		AudioFileFormat file = formatOf(wav);
		AudioFormat format = file.getFormat();
		return file.getType() == AudioFileFormat.Type.WAVE && format.getSampleRate() == 8000
				&& format.getChannels() == 1 && format.getSampleSizeInBits() == 16
				&& format.getEncoding() == AudioFormat.Encoding.PCM_SIGNED && !format.isBigEndian();
	}

}
