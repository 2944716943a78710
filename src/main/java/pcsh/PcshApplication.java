package pcsh;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.SpringApplication;
@SpringBootApplication
public class PcshApplication { public static void main(String[] a) { SpringApplication.run(PcshApplication.class, a); } }
