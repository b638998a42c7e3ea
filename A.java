import com.sun.tools.attach.*;
public class A { public static void main(String[] a) throws Exception {
  System.out.println(VirtualMachine.list().size());
  long t=System.nanoTime();
  try { VirtualMachine.attach(a[0]); } catch (Exception e) { System.out.println(e + " after " + (System.nanoTime()-t)/1000000 + "ms"); }
}}
